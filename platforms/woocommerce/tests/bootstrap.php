<?php
/**
 * Loads the installed WordPress (install-wordpress.php ran first) with WooCommerce's test double and
 * Triad's plugin active, as a front-end request of the store would.
 *
 * @package Triad\Tests
 */

$_SERVER['HTTP_HOST']   = 'shop.example';
$_SERVER['SERVER_NAME'] = 'shop.example';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
define( 'WP_USE_THEMES', false );
require getenv( 'WP_ROOT' ) . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once __DIR__ . '/php/TriadTestCase.php';

// Anything the tests would mail goes nowhere (there is no sendmail here).
add_filter( 'pre_wp_mail', '__return_false' );
