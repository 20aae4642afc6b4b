<?php
/**
 * Installs the WordPress in WP_ROOT (unpacked by WooCommercePluginIT from @wp-playground/wordpress-builds, on
 * the SQLite database integration) and activates WooCommerce's test double and Triad's plugin the way the
 * Plugins screen does (activate_plugin(): the plugin file is loaded and its activation hook runs).
 *
 * Usage: WP_ROOT=/path/to/site php install-wordpress.php
 *
 * @package Triad\Tests
 */

$_SERVER['HTTP_HOST']   = 'shop.example';
$_SERVER['SERVER_NAME'] = 'shop.example';
$_SERVER['REQUEST_URI'] = '/';
define( 'WP_INSTALLING', true );
require getenv( 'WP_ROOT' ) . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

wp_install( 'Triad test shop', 'admin', 'admin@shop.example', false, '', wp_generate_password( 24 ) );
update_option( 'permalink_structure', '/%postname%/' );
foreach ( array( 'woocommerce/woocommerce.php', 'triad-for-woocommerce/triad-for-woocommerce.php' ) as $plugin ) {
	$activated = activate_plugin( $plugin );
	if ( is_wp_error( $activated ) ) {
		fwrite( STDERR, "Could not activate $plugin: " . $activated->get_error_message() . "\n" );
		exit( 1 );
	}
}
echo 'WordPress ' . $GLOBALS['wp_version'] . ' installed; active plugins: ' . implode( ', ', get_option( 'active_plugins' ) ) . "\n";
