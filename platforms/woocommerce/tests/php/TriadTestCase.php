<?php
/**
 * What every test of the plugin starts from: an empty store, a fresh shopper, Triad (TRIAD_URL, the packaged
 * server of WooCommercePluginIT) reachable with the operator key (TRIAD_ADMIN_KEY).
 *
 * @package Triad\Tests
 */

use PHPUnit\Framework\TestCase;

abstract class TriadTestCase extends TestCase {

	/** @var string this test's shop at Triad: a new one per test, so tests never see each other's data */
	protected $shop;

	protected function setUp(): void {
		global $wpdb;
		foreach ( get_posts( array( 'post_type' => array( 'product', 'product_variation', 'shop_order' ), 'post_status' => 'any', 'numberposts' => -1, 'fields' => 'ids' ) ) as $id ) {
			wp_delete_post( $id, true );
		}
		foreach ( array( 'triad_connection', 'triad_admin_key', 'triad_sync', 'triad_settings', 'wc_double_webhooks', 'wc_double_webhook_deliveries', 'wc_double_actions' ) as $option ) {
			delete_option( $option );
		}
		update_option( 'woocommerce_currency', 'USD' );
		WC()->session = new WC_Session_Handler();
		WC()->cart    = new WC_Cart();
		$GLOBALS['wc_double_page'] = null;
		$_COOKIE = array();
		wp_set_current_user( 1 );
		$this->shop = 'woo-' . strtolower( wp_generate_password( 10, false ) ) . '.example';
	}

	protected static function triad_url() {
		return rtrim( getenv( 'TRIAD_URL' ), '/' );
	}

	/** Calls Triad as its operator; answers array( status, body ). */
	protected static function operator( $method, $path, $body = null ) {
		$response = wp_remote_request(
			self::triad_url() . $path,
			array(
				'method'  => $method,
				'timeout' => 30,
				'headers' => array(
					'Authorization' => 'Bearer ' . getenv( 'TRIAD_ADMIN_KEY' ),
					'Content-Type'  => 'application/json',
				),
				'body'    => null === $body ? null : wp_json_encode( $body ),
			)
		);
		if ( is_wp_error( $response ) ) {
			throw new RuntimeException( $response->get_error_message() );
		}
		return array( (int) wp_remote_retrieve_response_code( $response ), json_decode( wp_remote_retrieve_body( $response ), true ) );
	}

	/** A connect token for this test's shop, as the operator issues it. */
	protected function connect_token() {
		list( $status, $body ) = self::operator( 'POST', '/admin/v1/shops/' . $this->shop . '/connect-tokens' );
		$this->assertSame( 201, $status, wp_json_encode( $body ) );
		return $body['connectToken'];
	}

	/** Connects the plugin as the merchant's "Connect" button does. */
	protected function connect() {
		$connected = Triad_Plugin::instance()->connection->connect( self::triad_url(), $this->connect_token() );
		$this->assertTrue( true === $connected, is_wp_error( $connected ) ? $connected->get_error_message() : '' );
	}

	protected function simple( $name, $price, array $more = array() ) {
		$product = new WC_Product_Simple();
		$product->set_name( $name );
		$product->set_regular_price( $price );
		foreach ( $more as $setter => $value ) {
			$product->{ 'set_' . $setter }( $value );
		}
		$product->save();
		return $product;
	}

	/** An order of $products (one each), completed. */
	protected function order( array $products, $customer = 0 ) {
		$order = wc_create_order( array( 'customer_id' => $customer ) );
		foreach ( $products as $product ) {
			$order->add_product( $product, 1 );
		}
		$order->set_status( 'completed' );
		$order->save();
		return $order;
	}

	/**
	 * A bike shop: a bike bought with a helmet, a lock or both, $orders times (105: two batches of the sync),
	 * and a bell nobody buys with it.
	 */
	protected function bike_shop( $orders = 12 ) {
		$bike   = $this->simple( 'Trail Bike', '799.00' );
		$helmet = $this->simple( 'Helmet', '49.00' );
		$lock   = $this->simple( 'Lock', '25.00' );
		$bell   = $this->simple( 'Bell', '9.00' );
		for ( $i = 0; $i < $orders; $i++ ) {
			$this->order( 0 === $i % 3 ? array( $bike, $helmet ) : ( 1 === $i % 3 ? array( $bike, $lock ) : array( $bike, $helmet, $lock ) ) );
		}
		$this->order( array( $bell ) );
		return compact( 'bike', 'helmet', 'lock', 'bell' );
	}

	/** Triad's offers for a cart, asked as the storefront asks (publishable key). */
	protected function offers_for( array $lines ) {
		$client = new Triad_Client( self::triad_url(), Triad_Plugin::instance()->connection->publishable_key() );
		$answer = $client->post_json( '/v1/shops/' . $this->shop . '/offers', array( 'placement' => 'cart', 'currency' => get_woocommerce_currency(), 'cart' => $lines ), 5, true );
		$this->assertIsArray( $answer, is_wp_error( $answer ) ? $answer->get_error_message() : '' );
		return $answer['body']['offers'];
	}

	/** A Store API request as the browser sends it (with the Nonce header for POST). */
	protected function store_api( $method, $route, array $body = array() ) {
		$request = new WP_REST_Request( $method, '/wc/store/v1/' . $route );
		$request->set_header( 'Nonce', wp_create_nonce( 'wc_store_api' ) );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( wp_json_encode( $body ) );
		$response = rest_do_request( $request );
		return array( $response->get_status(), $response->get_data() );
	}

	protected function cart_total() {
		WC()->cart->calculate_totals();
		return WC()->cart->get_total( 'edit' );
	}
}
