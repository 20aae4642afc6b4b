<?php
/**
 * Where the shopper meets the offers: the pop-up widget on the cart and checkout, the Cart block's
 * integration, "for your next order" on the order-received page within Triad's 300 ms budget, and its links.
 *
 * @package Triad\Tests
 */

use Automattic\WooCommerce\Blocks\Integrations\IntegrationRegistry;

final class StorefrontTest extends TriadTestCase {

	public function test_the_cart_page_loads_triads_widget_with_the_shops_publishable_key_and_store_api_claims() {
		$this->connect();
		$GLOBALS['wc_double_page'] = 'cart';
		$html = $this->footer();
		$this->assertMatchesRegularExpression( '#<script src="' . preg_quote( self::triad_url(), '#' ) . '/widget/v1/triad\.js" async#', $html );
		$this->assertStringContainsString( 'data-shop="' . $this->shop . '"', $html );
		$this->assertStringContainsString( 'data-key="' . Triad_Plugin::instance()->connection->publishable_key() . '"', $html );
		$this->assertStringContainsString( 'data-platform="woocommerce"', $html );
		$this->assertStringContainsString( 'data-triggers="checkout"', $html );
		$this->assertStringContainsString( 'data-claims="store-api"', $html );
	}

	public function test_no_widget_before_connecting_or_on_pages_without_a_trigger() {
		$GLOBALS['wc_double_page'] = 'cart';
		$this->assertStringNotContainsString( 'triad.js', $this->footer() );
		$this->connect();
		$GLOBALS['wc_double_page'] = 'product';
		$this->assertStringNotContainsString( 'triad.js', $this->footer() );
		$GLOBALS['wc_double_page'] = null;
		$this->assertStringNotContainsString( 'triad.js', $this->footer() );
	}

	public function test_the_cart_block_gets_triads_integration_with_what_its_script_needs() {
		$registry = new IntegrationRegistry();
		do_action( 'woocommerce_blocks_cart_block_registration', $registry );
		$this->assertSame( array(), $registry->get_all_registered(), 'nothing before connecting' );
		$this->connect();
		do_action( 'woocommerce_blocks_cart_block_registration', $registry );
		$data = $registry->get_all_registered_script_data()['triad-offers_data'];
		$this->assertSame( array( $this->shop, self::triad_url(), 'triad-offers' ), array( $data['shop'], $data['endpoint'], $data['namespace'] ) );
		$this->assertSame( rest_url( 'wc/store/v1/' ), $data['storeApi'] );
		$this->assertSame( 1, wp_verify_nonce( $data['nonce'], 'wc_store_api' ) );
		$script = wp_scripts()->registered['triad-blocks'];
		$this->assertSame( array( 'wc-blocks-checkout', 'wc-settings', 'wp-element', 'wp-plugins' ), $script->deps );
		$this->assertStringEndsWith( '/triad-for-woocommerce/assets/triad-blocks.js', $script->src );
	}

	public function test_a_block_checkout_records_the_widgets_session_on_the_order() {
		$_COOKIE['triad_session'] = 's-block42';
		$order                    = wc_create_order();
		// src/StoreApi/Routes/V1/Checkout.php fires this with the order it is about to save and the request.
		do_action( 'woocommerce_store_api_checkout_update_order_from_request', $order, new WP_REST_Request( 'POST', '/wc/store/v1/checkout' ) );
		$this->assertSame( 's-block42', $order->get_meta( '_triad_session' ) );
		$_COOKIE['triad_session'] = '"><script>';
		$other                    = wc_create_order();
		do_action( 'woocommerce_checkout_create_order', $other, array() );
		$this->assertSame( '', $other->get_meta( '_triad_session' ), 'a cookie that is not a session id is not stored' );
	}

	public function test_the_order_received_page_shows_offers_for_the_next_order() {
		$shop = $this->bike_shop();
		$this->connect();
		wc_double_run_actions();
		$order = $this->order( array( $shop['bike'] ), 0 );
		$html  = $this->thank_you( $order );
		$this->assertStringContainsString( '<h2>For your next order</h2>', $html );
		$this->assertStringContainsString( 'Helmet', $html );
		$this->assertStringContainsString( 'triad-take=', $html );
		$this->assertStringContainsString( 'triad-token=', $html, 'the bundle keeps its discount' );
		$this->assertStringNotContainsString( 'triad-upgrade', $html );
	}

	public function test_a_triad_that_does_not_answer_leaves_the_order_received_page_as_it_was_within_the_budget() {
		$shop = $this->bike_shop();
		$this->connect();
		$silent = stream_socket_server( 'tcp://127.0.0.1:0' ); // accepts connections, never answers
		$state  = get_option( Triad_Connection::OPTION );
		update_option( Triad_Connection::OPTION, array_merge( $state, array( 'url' => 'http://' . stream_socket_get_name( $silent, false ) ) ) );
		$order = $this->order( array( $shop['bike'] ) );
		$start = microtime( true );
		$html  = $this->thank_you( $order );
		$took  = microtime( true ) - $start;
		fclose( $silent );
		$this->assertSame( '', $html );
		$this->assertLessThan( 0.6, $took, 'the page waited ' . round( $took * 1000 ) . ' ms for Triad' );
	}

	public function test_a_next_order_link_puts_the_bundle_in_the_cart_with_its_discount() {
		$shop = $this->bike_shop();
		$this->connect();
		wc_double_run_actions();
		$html = $this->thank_you( $this->order( array( $shop['bike'] ) ) );
		$this->assertMatchesRegularExpression( '#href="([^"]*triad-token=[^"]*)"#', $html );
		preg_match( '#href="([^"]*triad-token=[^"]*)"#', $html, $link );
		parse_str( wp_parse_url( html_entity_decode( $link[1] ), PHP_URL_QUERY ), $query );
		$_GET = $query;
		$redirect = null;
		add_filter(
			'wp_redirect',
			static function ( $location ) {
				throw new RuntimeException( 'redirect ' . $location );
			}
		);
		try {
			Triad_Plugin::instance()->storefront->take_offer_link();
		} catch ( RuntimeException $e ) {
			$redirect = $e->getMessage();
		}
		remove_all_filters( 'wp_redirect' );
		$_GET = array();
		$this->assertSame( 'redirect ' . wc_get_cart_url(), $redirect );
		$this->assertCount( 2, WC()->cart->get_cart() );
		$this->assertCount( 1, WC()->cart->get_fees() ?: $this->fees() );
	}

	private function fees() {
		WC()->cart->calculate_totals();
		return WC()->cart->get_fees();
	}

	private function footer() {
		ob_start();
		Triad_Plugin::instance()->storefront->print_widget();
		return ob_get_clean();
	}

	private function thank_you( $order ) {
		ob_start();
		do_action( 'woocommerce_thankyou', $order->get_id() );
		return ob_get_clean();
	}
}
