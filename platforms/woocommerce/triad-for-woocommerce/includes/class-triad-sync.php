<?php
/**
 * The first sync of catalog and order history, and the reconciliation that heals lost webhook deliveries.
 *
 * @package Triad
 */

defined( 'ABSPATH' ) || exit;

/**
 * Runs in Action Scheduler (which WooCommerce ships), one batch per action, so no request ever waits
 * for it. The first sync sends every product, then every order, in batches of 100 to Triad's imports
 * without rebuilding, then asks for one rebuild. A batch that fails is tried again, with a growing
 * pause, from where it stopped; the settings page shows how far it got. Orders are keyed by id at
 * Triad, so a batch sent twice counts once.
 *
 * WooCommerce never delivers a failed webhook again, so every hour the reconciliation sends Triad the
 * orders and products modified since the last acknowledged point: an order whose delivery was lost
 * while Triad was down arrives then, and counts once.
 */
final class Triad_Sync {

	const GROUP      = 'triad';
	const STEP       = 'triad_sync_step';
	const RECONCILE  = 'triad_reconcile';
	const OPTION     = 'triad_sync';
	const BATCH      = 100;
	const STATUSES   = array( 'wc-completed', 'wc-processing', 'wc-on-hold' );

	/** @var Triad_Connection */
	private $connection;

	public function __construct( Triad_Connection $connection ) {
		$this->connection = $connection;
	}

	public function hook() {
		add_action( self::STEP, array( $this, 'step' ) );
		add_action( self::RECONCILE, array( $this, 'reconcile' ) );
		add_action( 'triad_connected', array( $this, 'start' ) );
		add_action( 'triad_disconnected', array( $this, 'stop' ) );
	}

	/** @return array stage (products, orders, rebuild, done), page, counts, error, retry_at, since */
	public function state() {
		$state = get_option( self::OPTION, array() );
		return is_array( $state ) ? $state : array();
	}

	/** Starts the first sync (again: a repeated sync changes nothing at Triad but what changed). */
	public function start() {
		$this->stop();
		update_option(
			self::OPTION,
			array(
				'stage'      => 'products',
				'page'       => 1,
				'products'   => 0,
				'orders'     => 0,
				'started_at' => time(),
				'since'      => time(),
				'attempts'   => 0,
				'error'      => null,
			),
			false
		);
		as_enqueue_async_action( self::STEP, array(), self::GROUP );
		as_schedule_recurring_action( time() + HOUR_IN_SECONDS, HOUR_IN_SECONDS, self::RECONCILE, array(), self::GROUP );
	}

	public function stop() {
		as_unschedule_all_actions( self::STEP, array(), self::GROUP );
		as_unschedule_all_actions( self::RECONCILE, array(), self::GROUP );
	}

	/** One batch of the first sync; schedules the next, or the same again after a failure. */
	public function step() {
		$state = $this->state();
		if ( ! $this->connection->is_connected() || empty( $state['stage'] ) || 'done' === $state['stage'] ) {
			return;
		}
		$client = $this->connection->admin_client();
		if ( 'products' === $state['stage'] ) {
			$page    = wc_get_products( $this->page_query( $state['page'], array( 'status' => array( 'publish', 'private', 'draft' ) ) ) );
			$records = array_values( array_filter( array_map( array( 'Triad_Payloads', 'product' ), $page->products ) ) );
			$sent    = $records ? $client->post_ndjson( $this->connection->shop_path( '/catalog?rebuild=false' ), $records ) : true;
			$next    = array(
				'products' => $state['products'] + count( $records ),
				'page'     => $state['page'] + 1,
			);
			if ( $state['page'] >= $page->max_num_pages ) {
				$next = array(
					'products' => $next['products'],
					'stage'    => 'orders',
					'page'     => 1,
				);
			}
		} elseif ( 'orders' === $state['stage'] ) {
			$page    = wc_get_orders( $this->page_query( $state['page'], array( 'status' => self::STATUSES, 'type' => 'shop_order' ) ) );
			$records = array_map( array( 'Triad_Payloads', 'order' ), $page->orders );
			$sent    = $records ? $client->post_ndjson( $this->connection->shop_path( '/orders?rebuild=false' ), $records ) : true;
			$next    = array(
				'orders' => $state['orders'] + count( $records ),
				'page'   => $state['page'] + 1,
			);
			if ( $state['page'] >= $page->max_num_pages ) {
				$next = array(
					'orders' => $next['orders'],
					'stage'  => 'rebuild',
					'page'   => 1,
				);
			}
		} else {
			$sent = $client->post_json( $this->connection->shop_path( '/rebuild' ), array(), 300 );
			$next = array(
				'stage'       => 'done',
				'finished_at' => time(),
			);
		}
		if ( is_wp_error( $sent ) ) {
			$this->failed( $state, $sent, self::STEP );
			return;
		}
		update_option( self::OPTION, array_merge( $state, $next, array( 'attempts' => 0, 'error' => null, 'retry_at' => null ) ), false );
		if ( 'done' !== ( isset( $next['stage'] ) ? $next['stage'] : $state['stage'] ) ) {
			as_enqueue_async_action( self::STEP, array(), self::GROUP );
		}
	}

	/**
	 * Sends what was modified since the last acknowledged point: orders to the order import (counted once
	 * by id), products one by one (each re-ranks the sheets that name it). The point moves only when Triad
	 * took everything.
	 */
	public function reconcile() {
		$state = $this->state();
		if ( ! $this->connection->is_connected() || 'done' !== ( isset( $state['stage'] ) ? $state['stage'] : null ) ) {
			return;
		}
		$until  = time();
		$since  = (int) $state['since'];
		$client = $this->connection->admin_client();
		$sent   = array(
			'orders'     => 0,
			'new_orders' => 0,
			'products'   => 0,
		);
		for ( $page = 1, $pages = 1; $page <= $pages; $page++ ) {
			$found = wc_get_orders(
				$this->page_query( $page, array( 'status' => self::STATUSES, 'type' => 'shop_order', 'date_modified' => $since . '...' . $until ) )
			);
			$pages = $found->max_num_pages;
			if ( $found->orders ) {
				$taken = $client->post_ndjson( $this->connection->shop_path( '/orders' ), array_map( array( 'Triad_Payloads', 'order' ), $found->orders ) );
				if ( is_wp_error( $taken ) ) {
					$this->failed( $state, $taken, null );
					return;
				}
				$sent['orders']     += count( $found->orders );
				$sent['new_orders'] += (int) ( isset( $taken['body']['ordersTaken'] ) ? $taken['body']['ordersTaken'] : 0 );
			}
		}
		for ( $page = 1, $pages = 1; $page <= $pages; $page++ ) {
			$found = wc_get_products( $this->page_query( $page, array( 'status' => array( 'publish', 'private', 'draft' ), 'date_modified' => $since . '...' . $until ) ) );
			$pages = $found->max_num_pages;
			foreach ( $found->products as $product ) {
				$body = Triad_Payloads::product( $product );
				if ( null === $body ) {
					continue;
				}
				$id = $body['id'];
				unset( $body['id'] );
				$taken = $client->put_json( $this->connection->shop_path( '/products/' . rawurlencode( $id ) ), $body );
				if ( is_wp_error( $taken ) ) {
					$this->failed( $state, $taken, null );
					return;
				}
				++$sent['products'];
			}
		}
		update_option(
			self::OPTION,
			array_merge(
				$state,
				array(
					'since'        => $until,
					'reconciled'   => $sent,
					'reconciled_at' => $until,
					'error'        => null,
				)
			),
			false
		);
	}

	private function page_query( $page, array $more ) {
		return array_merge(
			array(
				'limit'    => self::BATCH,
				'page'     => $page,
				'orderby'  => 'ID',
				'order'    => 'ASC',
				'paginate' => true,
			),
			$more
		);
	}

	/** Records the failure; a first-sync step is tried again after 30 s, 60 s, … up to an hour. */
	private function failed( array $state, WP_Error $error, $retry ) {
		$attempts = (int) ( isset( $state['attempts'] ) ? $state['attempts'] : 0 ) + 1;
		$state    = array_merge( $state, array( 'attempts' => $attempts, 'error' => $error->get_error_message() ) );
		if ( null !== $retry ) {
			$state['retry_at'] = time() + min( HOUR_IN_SECONDS, 30 * ( 2 ** min( 7, $attempts - 1 ) ) );
			as_schedule_single_action( $state['retry_at'], $retry, array(), self::GROUP );
		}
		update_option( self::OPTION, $state, false );
	}
}
