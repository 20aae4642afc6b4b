<?php
/**
 * The first sync (catalog, then history, in batches through Action Scheduler, then one rebuild) and the
 * hourly reconciliation that heals a webhook delivery lost while Triad was down, counted once.
 *
 * @package Triad\Tests
 */

final class SyncTest extends TriadTestCase {

	public function test_the_first_sync_sends_catalog_and_history_in_batches_and_the_offers_follow_them() {
		$shop = $this->bike_shop( 105 );
		$this->connect();
		$ran = wc_double_run_actions();
		$this->assertSame( 4, count( array_keys( $ran, Triad_Sync::STEP, true ) ), 'one batch of products, two of orders, the rebuild' );
		$state = Triad_Plugin::instance()->sync->state();
		$this->assertSame( array( 'done', 4, 106, null ), array( $state['stage'], $state['products'], $state['orders'], $state['error'] ) );
		$offers = $this->offers_for( array( array( 'productId' => (string) $shop['bike']->get_id(), 'quantity' => 1, 'price' => '799.00' ) ) );
		$offered = array();
		foreach ( $offers as $offer ) {
			foreach ( isset( $offer['items'] ) ? $offer['items'] : array( $offer ) as $item ) {
				$offered[] = $item['productId'];
			}
		}
		$this->assertContains( (string) $shop['helmet']->get_id(), $offered );
		$this->assertContains( (string) $shop['lock']->get_id(), $offered );
		$this->assertNotContains( (string) $shop['bell']->get_id(), $offered, 'never bought with the bike' );
	}

	public function test_a_batch_that_fails_is_tried_again_later_from_where_it_stopped() {
		$this->bike_shop( 105 );
		$this->connect();
		$connection = get_option( Triad_Connection::OPTION );
		update_option( Triad_Connection::OPTION, array_merge( $connection, array( 'url' => self::dead_url() ) ) );
		wc_double_run_actions();
		$state = Triad_Plugin::instance()->sync->state();
		$this->assertSame( array( 'products', 1, 1 ), array( $state['stage'], $state['page'], $state['attempts'] ) );
		$this->assertStringContainsString( 'Triad could not be reached', $state['error'] );
		$this->assertSame( $state['retry_at'], as_next_scheduled_action( Triad_Sync::STEP ) );
		$this->assertGreaterThanOrEqual( time() + 29, $state['retry_at'] );

		update_option( Triad_Connection::OPTION, $connection );
		$this->assertSame( array(), array_keys( wc_double_run_actions(), Triad_Sync::STEP, true ), 'nothing before the retry is due' );
		wc_double_run_actions( $state['retry_at'] );
		$state = Triad_Plugin::instance()->sync->state();
		$this->assertSame( array( 'done', 4, 106, null ), array( $state['stage'], $state['products'], $state['orders'], $state['error'] ) );
	}

	public function test_an_order_whose_webhook_was_lost_while_triad_was_down_arrives_at_the_next_reconciliation_once() {
		$shop = $this->bike_shop();
		$this->connect();
		wc_double_run_actions();
		$lost = $this->while_triad_is_down(
			function () use ( $shop ) {
				return $this->order( array( $shop['bell'], $shop['lock'] ) );
			}
		);
		$deliveries = get_option( 'wc_double_webhook_deliveries' );
		$this->assertSame( array( 'order.created', $lost->get_id(), 0 ), array( end( $deliveries )['topic'], end( $deliveries )['arg'], end( $deliveries )['code'] ) );

		wc_double_run_actions( time() + HOUR_IN_SECONDS );
		$state = Triad_Plugin::instance()->sync->state();
		$this->assertSame( 1, $state['reconciled']['new_orders'], 'the lost order, new to Triad' );
		$this->assertGreaterThanOrEqual( 1, $state['reconciled']['orders'] );

		// Sent again (say the order was edited): Triad already holds it and counts it once.
		$lost->save();
		$state = array_merge( $state, array( 'since' => time() - 5 ) );
		update_option( Triad_Sync::OPTION, $state );
		Triad_Plugin::instance()->sync->reconcile();
		$state = Triad_Plugin::instance()->sync->state();
		$this->assertGreaterThanOrEqual( 1, $state['reconciled']['orders'] );
		$this->assertSame( 0, $state['reconciled']['new_orders'] );
	}

	public function test_a_product_changed_while_triad_was_down_is_sent_at_the_next_reconciliation() {
		$shop = $this->bike_shop();
		$this->connect();
		wc_double_run_actions();
		$this->while_triad_is_down(
			static function () use ( $shop ) {
				$shop['helmet']->set_regular_price( '55.00' );
				$shop['helmet']->save();
			}
		);
		Triad_Plugin::instance()->sync->reconcile();
		list( , $stored ) = self::operator( 'GET', '/admin/v1/shops/' . $this->shop . '/products/' . $shop['helmet']->get_id() );
		$this->assertSame( '55.00', $stored['product']['variants'][0]['price'] );
	}

	/**
	 * Runs $change and delivers its webhooks while Triad is down: WooCommerce logs each failure and never
	 * delivers it again.
	 */
	private function while_triad_is_down( callable $change ) {
		$live = get_option( 'wc_double_webhooks' );
		$down = $live;
		foreach ( $down as &$webhook ) {
			$webhook['delivery_url'] = self::dead_url() . '/webhooks/woocommerce/' . $this->shop;
		}
		update_option( 'wc_double_webhooks', $down );
		$result = $change();
		wc_double_run_actions();
		update_option( 'wc_double_webhooks', $live );
		return $result;
	}

	/** A loopback port nothing listens on. */
	public static function dead_url() {
		$socket = stream_socket_server( 'tcp://127.0.0.1:0' );
		$name   = stream_socket_get_name( $socket, false );
		fclose( $socket );
		return 'http://' . $name;
	}
}
