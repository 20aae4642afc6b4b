<?php
/**
 * The plugin as WordPress and WooCommerce see it: its header, its feature declarations, its settings page,
 * its uninstall.
 *
 * @package Triad\Tests
 */

use Automattic\WooCommerce\Utilities\FeaturesUtil;

final class PluginTest extends TriadTestCase {

	public function test_the_header_names_the_wordpress_woocommerce_and_php_versions_it_needs() {
		$data = get_plugin_data( WP_PLUGIN_DIR . '/triad-for-woocommerce/triad-for-woocommerce.php', false, false );
		$this->assertSame( 'Triad for WooCommerce', $data['Name'] );
		$this->assertSame( '6.2', $data['RequiresWP'] );
		$this->assertSame( '7.4', $data['RequiresPHP'] );
		$this->assertSame( 'woocommerce', $data['RequiresPlugins'] );
		$header = file_get_contents( WP_PLUGIN_DIR . '/triad-for-woocommerce/triad-for-woocommerce.php', false, null, 0, 2048 );
		$this->assertMatchesRegularExpression( '/WC requires at least:\s+8\.3/', $header );
		$this->assertTrue( is_plugin_active( 'triad-for-woocommerce/triad-for-woocommerce.php' ) );
	}

	public function test_the_plugin_declares_itself_compatible_with_order_storage_and_the_cart_and_checkout_blocks() {
		$this->assertSame( array( 'triad-for-woocommerce/triad-for-woocommerce.php' => true ), FeaturesUtil::$declared['custom_order_tables'] );
		$this->assertSame( array( 'triad-for-woocommerce/triad-for-woocommerce.php' => true ), FeaturesUtil::$declared['cart_checkout_blocks'] );
	}

	public function test_the_settings_page_asks_for_triads_address_and_a_connect_token_until_connected() {
		$page = $this->settings_page();
		$this->assertStringContainsString( 'name="triad_url"', $page );
		$this->assertStringContainsString( 'name="triad_connect_token"', $page );
		$this->assertStringContainsString( 'name="_wpnonce"', $page );
	}

	public function test_the_settings_page_shows_the_connection_its_webhooks_and_the_sync() {
		$this->simple( 'Helmet', '49.00' );
		$this->connect();
		wc_double_run_actions();
		$page = $this->settings_page();
		$this->assertStringContainsString( 'Connected as ' . $this->shop, $page );
		$this->assertStringContainsString( 'Webhooks: 4 of 4 active.', $page );
		$this->assertStringContainsString( '1 products and 0 orders sent. Offers are live.', $page );
		$this->assertStringContainsString( 'name="triad_triggers[]" value="checkout" checked', $page );
	}

	public function test_uninstalling_removes_the_webhooks_the_jobs_and_everything_it_stored() {
		$this->connect();
		$this->assertCount( 4, get_option( 'wc_double_webhooks' ) );
		define( 'WP_UNINSTALL_PLUGIN', 'triad-for-woocommerce/triad-for-woocommerce.php' );
		include WP_PLUGIN_DIR . '/triad-for-woocommerce/uninstall.php';
		$this->assertSame( array(), get_option( 'wc_double_webhooks' ) );
		$this->assertFalse( as_next_scheduled_action( Triad_Sync::STEP ) );
		$this->assertFalse( as_next_scheduled_action( Triad_Sync::RECONCILE ) );
		foreach ( array( 'triad_connection', 'triad_admin_key', 'triad_sync', 'triad_settings' ) as $option ) {
			$this->assertFalse( get_option( $option ), $option );
		}
	}

	public function test_saving_where_offers_appear_changes_what_the_storefront_gets() {
		$this->connect();
		$redirect = $this->submit( 'settings', array( 'triad_triggers' => array( 'cart', 'anything-else' ), 'triad_thank_you' => '1' ) );
		$this->assertStringEndsWith( 'wp-admin/admin.php?page=triad', $redirect );
		$this->assertSame( array( 'triggers' => array( 'cart' ), 'inline_cart' => false, 'thank_you' => true ), get_option( Triad_Storefront::SETTINGS ) );
		$GLOBALS['wc_double_page'] = 'cart';
		ob_start();
		Triad_Plugin::instance()->storefront->print_widget();
		$this->assertStringContainsString( 'data-triggers="cart"', ob_get_clean() );
	}

	public function test_a_settings_form_without_its_nonce_changes_nothing() {
		$this->connect();
		$this->assertSame( 'refused', $this->submit( 'settings', array( 'triad_triggers' => array( 'product' ), '_wpnonce' => 'forged' ) ) );
		$this->assertFalse( get_option( Triad_Storefront::SETTINGS ) );
		$this->assertSame( 'refused', $this->submit( 'disconnect', array( '_wpnonce' => 'forged' ) ) );
		$this->assertTrue( Triad_Plugin::instance()->connection->is_connected() );
	}

	public function test_connecting_from_the_form_with_a_wrong_token_says_why_and_stores_nothing() {
		$this->submit( 'connect', array( 'triad_url' => self::triad_url(), 'triad_connect_token' => 'tc1.bm90.aXQ' ) );
		$notice = get_transient( 'triad_notice_' . get_current_user_id() );
		$this->assertSame( 'error', $notice['type'] );
		$this->assertStringContainsString( 'Triad answered 403', $notice['text'] );
		$this->assertFalse( get_option( Triad_Connection::OPTION ) );
		$this->assertStringContainsString( 'Triad answered 403', $this->settings_page() );
	}

	/** Posts the settings page's form $action as admin-post.php does; answers where it redirected, or "refused". */
	private function submit( $action, array $fields ) {
		$_POST    = array_merge( array( '_wpnonce' => wp_create_nonce( 'triad_' . $action ) ), $fields );
		$_REQUEST = $_POST;
		$stop     = static function () {
			return static function () {
				throw new RuntimeException( 'refused' );
			};
		};
		$redirect = static function ( $location ) {
			throw new RuntimeException( $location );
		};
		add_filter( 'wp_die_handler', $stop );
		add_filter( 'wp_redirect', $redirect );
		try {
			$page = new Triad_Admin_Page( Triad_Plugin::instance()->connection, Triad_Plugin::instance()->sync, Triad_Plugin::instance()->storefront );
			$page->{ 'handle_' . $action }();
			return 'no answer';
		} catch ( RuntimeException $e ) {
			return $e->getMessage();
		} finally {
			remove_filter( 'wp_die_handler', $stop );
			remove_filter( 'wp_redirect', $redirect );
			$_POST    = array();
			$_REQUEST = array();
		}
	}

	private function settings_page() {
		require_once ABSPATH . 'wp-admin/includes/admin.php';
		ob_start();
		( new Triad_Admin_Page( Triad_Plugin::instance()->connection, Triad_Plugin::instance()->sync, Triad_Plugin::instance()->storefront ) )->render();
		return ob_get_clean();
	}
}
