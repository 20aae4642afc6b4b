<?php
/**
 * Connecting in one step: the operator's connect token for the shop registers it at Triad, the plugin's own
 * webhooks deliver to it signed with the secret the plugin generated, and a wrong token changes nothing.
 *
 * @package Triad\Tests
 */

final class ConnectionTest extends TriadTestCase {

	public function test_connecting_registers_the_shop_at_triad_and_creates_its_four_webhooks() {
		$this->connect();
		$connection = Triad_Plugin::instance()->connection;
		$this->assertTrue( $connection->is_connected() );
		$this->assertSame( $this->shop, $connection->shop() );
		$this->assertSame( 32, strlen( $connection->offer_key() ) );
		list( $status, $shop ) = self::operator( 'GET', '/admin/v1/shops/' . $this->shop );
		$this->assertSame( 200, $status );
		$this->assertSame( array( 'woocommerce', 'USD', array( 'http://shop.example' ) ), array( $shop['platform'], $shop['currency'], $shop['allowedOrigins'] ) );
		$webhooks = array_values( get_option( 'wc_double_webhooks' ) );
		$this->assertSame( Triad_Connection::TOPICS, array_column( $webhooks, 'topic' ) );
		foreach ( $webhooks as $webhook ) {
			$this->assertSame( self::triad_url() . '/webhooks/woocommerce/' . $this->shop, $webhook['delivery_url'] );
			$this->assertSame( 'active', $webhook['status'] );
			$this->assertGreaterThanOrEqual( 32, strlen( $webhook['secret'] ) );
		}
		$this->assertArrayNotHasKey( Triad_Connection::ADMIN_KEY, wp_load_alloptions(), 'the admin key is never autoloaded' );
	}

	public function test_a_new_product_reaches_triad_through_the_signed_webhook_woocommerce_delivers() {
		$this->connect();
		wc_double_run_actions();
		$helmet = $this->simple( 'Helmet', '49.00' );
		wc_double_run_actions();
		$deliveries = get_option( 'wc_double_webhook_deliveries' );
		$this->assertSame( array( 'product.created', 200 ), array( end( $deliveries )['topic'], end( $deliveries )['code'] ) );
		list( $status, $stored ) = self::operator( 'GET', '/admin/v1/shops/' . $this->shop . '/products/' . $helmet->get_id() );
		$this->assertSame( 200, $status );
		$this->assertSame( 'Helmet', $stored['product']['title'] );
	}

	public function test_a_wrong_connect_token_changes_nothing_here_or_at_triad() {
		$token     = $this->connect_token();
		$tampered  = substr( $token, 0, -3 ) . ( 'abc' === substr( $token, -3 ) ? 'abd' : 'abc' );
		$connected = Triad_Plugin::instance()->connection->connect( self::triad_url(), $tampered );
		$this->assertInstanceOf( WP_Error::class, $connected );
		$this->assertStringContainsString( 'Triad answered 403', $connected->get_error_message() );
		$this->assertFalse( get_option( Triad_Connection::OPTION ) );
		$this->assertFalse( get_option( Triad_Connection::ADMIN_KEY ) );
		$this->assertFalse( get_option( 'wc_double_webhooks' ) );
		$this->assertSame( 404, self::operator( 'GET', '/admin/v1/shops/' . $this->shop )[0] );
	}

	public function test_a_connect_token_connects_once() {
		$token = $this->connect_token();
		$this->assertTrue( Triad_Plugin::instance()->connection->connect( self::triad_url(), $token ) );
		$again = Triad_Plugin::instance()->connection->connect( self::triad_url(), $token );
		$this->assertInstanceOf( WP_Error::class, $again );
		$this->assertStringContainsString( 'Triad answered 409', $again->get_error_message() );
		$this->assertTrue( Triad_Plugin::instance()->connection->is_connected(), 'the first connection stands' );
	}

	public function test_a_delivery_signed_with_another_secret_is_refused_and_changes_nothing() {
		$this->connect();
		$payload = wp_json_encode( array( 'id' => 999, 'name' => 'Forged', 'type' => 'simple', 'status' => 'publish', 'price' => '1.00', 'regular_price' => '1.00' ) );
		$answer  = wp_remote_post(
			self::triad_url() . '/webhooks/woocommerce/' . $this->shop,
			array(
				'headers' => array(
					'Content-Type'           => 'application/json',
					'X-WC-Webhook-Topic'     => 'product.created',
					'X-WC-Webhook-Signature' => base64_encode( hash_hmac( 'sha256', $payload, 'not the secret', true ) ),
				),
				'body'    => $payload,
			)
		);
		$this->assertSame( 401, wp_remote_retrieve_response_code( $answer ) );
		$this->assertSame( 404, self::operator( 'GET', '/admin/v1/shops/' . $this->shop . '/products/999' )[0] );
	}

	public function test_disconnecting_removes_the_webhooks_and_forgets_the_keys() {
		$this->connect();
		Triad_Plugin::instance()->connection->disconnect();
		$this->assertSame( array(), get_option( 'wc_double_webhooks' ) );
		$this->assertFalse( Triad_Plugin::instance()->connection->is_connected() );
		$this->assertFalse( as_next_scheduled_action( Triad_Sync::RECONCILE ) );
	}
}
