<?php
/**
 * The blocks and features APIs an extension calls: FeaturesUtil::declare_compatibility()
 * (src/Utilities/FeaturesUtil.php), IntegrationInterface and IntegrationRegistry
 * (src/Blocks/Integrations/), whose registry the Cart block hands out on
 * woocommerce_blocks_cart_block_registration.
 *
 * @package Triad\Tests
 */

namespace Automattic\WooCommerce\Utilities {

	/** Records declarations; WooCommerce warns about plugins that declare none for an enabled feature. */
	class FeaturesUtil {
		public static $declared = array();

		public static function declare_compatibility( $feature_id, $plugin_file, $positive_compatibility = true ) {
			if ( ! did_action( 'before_woocommerce_init' ) || did_action( 'woocommerce_init' ) ) {
				_doing_it_wrong( __METHOD__, 'FeaturesUtil::declare_compatibility should be called inside the before_woocommerce_init action.', '7.0' );
				return false;
			}
			self::$declared[ $feature_id ][ plugin_basename( $plugin_file ) ] = $positive_compatibility;
			return true;
		}
	}
}

namespace Automattic\WooCommerce\Blocks\Integrations {

	interface IntegrationInterface {
		public function get_name();
		public function initialize();
		public function get_script_handles();
		public function get_editor_script_handles();
		public function get_script_data();
	}

	/** Registers integrations by name (a second of the same name is refused) and initialises each. */
	class IntegrationRegistry {
		private $integrations = array();

		public function register( IntegrationInterface $integration ) {
			$name = $integration->get_name();
			if ( isset( $this->integrations[ $name ] ) ) {
				_doing_it_wrong( __METHOD__, esc_html( "\"$name\" is already registered." ), '4.6.0' );
				return false;
			}
			$this->integrations[ $name ] = $integration;
			$integration->initialize();
			return true;
		}

		public function get_all_registered() {
			return $this->integrations;
		}

		/** IntegrationRegistry::get_all_registered_script_data(): each integration's data under "<name>_data". */
		public function get_all_registered_script_data() {
			$data = array();
			foreach ( $this->integrations as $name => $integration ) {
				$data[ $name . '_data' ] = $integration->get_script_data();
			}
			return $data;
		}
	}
}
