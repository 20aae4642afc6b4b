<?php
/**
 * Plugin Name:          Triad for WooCommerce
 * Plugin URI:           https://triad.dev/woocommerce
 * Description:          Up-sell and cross-sell offers by the rule of three in the cart, at checkout and after the order: a small add-on, a bundle, an upgrade. Bundle and limited-time discounts are charged exactly as shown.
 * Version:              1.0.0
 * Requires at least:    6.2
 * Requires PHP:         7.4
 * Requires Plugins:     woocommerce
 * WC requires at least: 8.3
 * WC tested up to:      9.4
 * Author:               Triad
 * License:              GPL-2.0-or-later
 * License URI:          https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:          triad-for-woocommerce
 *
 * @package Triad
 */

defined( 'ABSPATH' ) || exit;

define( 'TRIAD_VERSION', '1.0.0' );
define( 'TRIAD_PLUGIN_FILE', __FILE__ );
define( 'TRIAD_PLUGIN_DIR', __DIR__ );

require_once __DIR__ . '/includes/class-triad-client.php';
require_once __DIR__ . '/includes/class-triad-offer-token.php';
require_once __DIR__ . '/includes/class-triad-discounts.php';
require_once __DIR__ . '/includes/class-triad-payloads.php';
require_once __DIR__ . '/includes/class-triad-connection.php';
require_once __DIR__ . '/includes/class-triad-sync.php';
require_once __DIR__ . '/includes/class-triad-storefront.php';
require_once __DIR__ . '/includes/class-triad-emails.php';
require_once __DIR__ . '/includes/class-triad-admin-page.php';
require_once __DIR__ . '/includes/class-triad-plugin.php';

// Cart and Checkout blocks and High-Performance Order Storage: Triad reads orders only through
// wc_get_orders() and WC_Order, and renders in the blocks through their documented slot.
add_action(
	'before_woocommerce_init',
	static function () {
		if ( class_exists( \Automattic\WooCommerce\Utilities\FeaturesUtil::class ) ) {
			\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'custom_order_tables', TRIAD_PLUGIN_FILE, true );
			\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'cart_checkout_blocks', TRIAD_PLUGIN_FILE, true );
		}
	}
);

add_action( 'plugins_loaded', array( 'Triad_Plugin', 'boot' ) );
register_deactivation_hook( __FILE__, array( 'Triad_Plugin', 'deactivate' ) );
