<?php
/**
 * Action Scheduler, which WooCommerce bundles (woocommerce/action-scheduler, functions.php): actions are
 * stored with their hook, arguments, group and time, and run later by the queue runner (WP-Cron or
 * WP-CLI), each as do_action( $hook, ...$args ). A recurring action is scheduled again after it runs.
 * Here the store is an option and the tests run the queue with wc_double_run_actions().
 *
 * @package Triad\Tests
 */

defined( 'ABSPATH' ) || exit;

function wc_double_actions() {
	return get_option( 'wc_double_actions', array() );
}

function wc_double_add_action( $timestamp, $hook, $args, $group, $interval = 0 ) {
	$actions = wc_double_actions();
	$id      = $actions ? max( array_keys( $actions ) ) + 1 : 1;
	$actions[ $id ] = array(
		'hook'     => $hook,
		'args'     => $args,
		'group'    => $group,
		'time'     => (int) $timestamp,
		'interval' => (int) $interval,
	);
	update_option( 'wc_double_actions', $actions );
	return $id;
}

/** as_enqueue_async_action(): runs as soon as the queue runs. */
function as_enqueue_async_action( $hook, $args = array(), $group = '', $unique = false, $priority = 10 ) {
	return wc_double_add_action( time(), $hook, $args, $group );
}

function as_schedule_single_action( $timestamp, $hook, $args = array(), $group = '', $unique = false, $priority = 10 ) {
	return wc_double_add_action( $timestamp, $hook, $args, $group );
}

function as_schedule_recurring_action( $timestamp, $interval_in_seconds, $hook, $args = array(), $group = '', $unique = false, $priority = 10 ) {
	return wc_double_add_action( $timestamp, $hook, $args, $group, $interval_in_seconds );
}

/** as_next_scheduled_action(): the next time of a pending action of $hook (and $args, when given), or false. */
function as_next_scheduled_action( $hook, $args = null, $group = '' ) {
	$times = array();
	foreach ( wc_double_actions() as $action ) {
		if ( $action['hook'] === $hook && ( null === $args || $action['args'] == $args ) && ( '' === $group || $action['group'] === $group ) ) { // phpcs:ignore Universal.Operators.StrictComparisons
			$times[] = $action['time'];
		}
	}
	return $times ? min( $times ) : false;
}

/** as_unschedule_all_actions(): cancels every pending action of $hook (with $args when not empty) in $group. */
function as_unschedule_all_actions( $hook, $args = array(), $group = '' ) {
	$actions = array_filter(
		wc_double_actions(),
		static function ( $action ) use ( $hook, $args, $group ) {
			return ! ( $action['hook'] === $hook && ( ! $args || $action['args'] == $args ) && ( '' === $group || $action['group'] === $group ) ); // phpcs:ignore Universal.Operators.StrictComparisons
		}
	);
	update_option( 'wc_double_actions', $actions );
}

/**
 * Runs every action due at $now, oldest first, including those the running ones queue, as the queue
 * runner does in one batch; answers the hooks run.
 */
function wc_double_run_actions( $now = null, $limit = 1000 ) {
	$ran = array();
	while ( count( $ran ) < $limit ) {
		$due = array_filter(
			wc_double_actions(),
			static function ( $action ) use ( $now ) {
				return $action['time'] <= ( null === $now ? time() : $now );
			}
		);
		if ( ! $due ) {
			break;
		}
		$id      = min( array_keys( $due ) );
		$action  = $due[ $id ];
		$actions = wc_double_actions();
		unset( $actions[ $id ] );
		if ( $action['interval'] > 0 ) {
			$actions[ max( array_merge( array( 0 ), array_keys( $actions ), array( $id ) ) ) + 1 ] = array_merge( $action, array( 'time' => $action['time'] + $action['interval'] ) );
		}
		update_option( 'wc_double_actions', $actions );
		do_action_ref_array( $action['hook'], array_values( $action['args'] ) );
		$ran[] = $action['hook'];
	}
	return $ran;
}
