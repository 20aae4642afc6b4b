<?php
/**
 * Uninstalling Triad: its webhooks, its background jobs and everything it stored in WordPress go.
 * Triad itself keeps the shop's data until its operator removes it.
 *
 * @package Triad
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

$triad_state = get_option( 'triad_connection', array() );
if ( function_exists( 'wc_get_webhook' ) && is_array( $triad_state ) && ! empty( $triad_state['webhook_ids'] ) ) {
	foreach ( (array) $triad_state['webhook_ids'] as $triad_webhook_id ) {
		$triad_webhook = wc_get_webhook( $triad_webhook_id );
		if ( $triad_webhook ) {
			$triad_webhook->delete( true );
		}
	}
}
if ( function_exists( 'as_unschedule_all_actions' ) ) {
	as_unschedule_all_actions( 'triad_sync_step', array(), 'triad' );
	as_unschedule_all_actions( 'triad_reconcile', array(), 'triad' );
}
foreach ( array( 'triad_connection', 'triad_admin_key', 'triad_sync', 'triad_settings' ) as $triad_option ) {
	delete_option( $triad_option );
}
