<?php
/**
 * Triad's offers inside the Cart block.
 *
 * @package Triad
 */

defined( 'ABSPATH' ) || exit;

use Automattic\WooCommerce\Blocks\Integrations\IntegrationInterface;

/**
 * Registered on woocommerce_blocks_cart_block_registration: loads assets/triad-blocks.js, which fills the
 * Cart block's ExperimentalOrderMeta slot (below the order summary) with the offers, and hands it its
 * settings (read in the script with wc.wcSettings.getSetting( 'triad-offers_data' )).
 */
final class Triad_Blocks_Integration implements IntegrationInterface {

	const HANDLE = 'triad-blocks';

	/** @var Triad_Storefront */
	private $storefront;

	public function __construct( Triad_Storefront $storefront ) {
		$this->storefront = $storefront;
	}

	public function get_name() {
		return Triad_Discounts::NAMESPACE_ID;
	}

	public function initialize() {
		wp_register_script(
			self::HANDLE,
			plugins_url( 'assets/triad-blocks.js', TRIAD_PLUGIN_FILE ),
			array( 'wc-blocks-checkout', 'wc-settings', 'wp-element', 'wp-plugins' ),
			TRIAD_VERSION,
			true
		);
		wp_register_style( self::HANDLE, plugins_url( 'assets/triad-blocks.css', TRIAD_PLUGIN_FILE ), array(), TRIAD_VERSION );
		wp_enqueue_style( self::HANDLE );
	}

	public function get_script_handles() {
		return array( self::HANDLE );
	}

	public function get_editor_script_handles() {
		return array();
	}

	public function get_script_data() {
		return array_merge(
			$this->storefront->script_data(),
			array(
				'storeApi' => rest_url( 'wc/store/v1/' ),
				'nonce'    => wp_create_nonce( 'wc_store_api' ),
				'heading'  => __( 'Complete your order', 'triad-for-woocommerce' ),
				'add'      => __( 'Add', 'triad-for-woocommerce' ),
				'added'    => __( 'Added', 'triad-for-woocommerce' ),
				'save'     => __( 'Save %d %%', 'triad-for-woocommerce' ),
			)
		);
	}
}
