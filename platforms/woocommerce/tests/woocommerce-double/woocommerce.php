<?php
/**
 * Plugin Name: WooCommerce (test double for Triad's tests)
 * Description: The few WooCommerce classes and functions Triad's plugin calls, behaving as WooCommerce documents them.
 * Version: 9.4.0-double
 *
 * WooCommerce is in no registry this project can reach, so Triad's tests run its plugin inside a real
 * WordPress against this double. Each part names the WooCommerce source it follows (woocommerce/woocommerce
 * on GitHub, plugins/woocommerce/...). Products, variations and orders are real WordPress posts, as in
 * WooCommerce's post storage; webhooks are delivered through the Action Scheduler double, signed as
 * WC_Webhook::generate_signature() signs them. Nothing of Triad's plugin is imitated here.
 *
 * @package Triad\Tests
 */

defined( 'ABSPATH' ) || exit;

require_once __DIR__ . '/includes/products.php';
require_once __DIR__ . '/includes/orders.php';
require_once __DIR__ . '/includes/cart.php';
require_once __DIR__ . '/includes/webhooks.php';
require_once __DIR__ . '/includes/action-scheduler.php';
require_once __DIR__ . '/includes/blocks.php';

/** includes/class-woocommerce.php: the main class; WC() is its instance. */
final class WooCommerce {
	public $version = '9.4.0';
	/** @var WC_Cart|null */
	public $cart;
	/** @var WC_Session_Handler|null */
	public $session;
	private static $instance;

	public static function instance() {
		if ( null === self::$instance ) {
			self::$instance = new self();
		}
		return self::$instance;
	}

	/** includes/class-woocommerce.php initialize_session() / initialize_cart(): on the frontend and the Store API. */
	public function load_cart() {
		$this->session = $this->session ?: new WC_Session_Handler();
		$this->cart    = $this->cart ?: new WC_Cart();
	}
}

function WC() { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName
	return WooCommerce::instance();
}

/** includes/wc-core-functions.php get_woocommerce_currency(): the store's currency setting. */
function get_woocommerce_currency() {
	return apply_filters( 'woocommerce_currency', get_option( 'woocommerce_currency', 'USD' ) );
}

/** includes/wc-core-functions.php wc_get_price_decimals(). */
function wc_get_price_decimals() {
	return absint( get_option( 'woocommerce_price_num_decimals', 2 ) );
}

/** includes/wc-formatting-functions.php wc_format_decimal(): a plain decimal string, rounded to $dp when given. */
function wc_format_decimal( $number, $dp = false ) {
	$number = (string) $number;
	if ( '' === $number ) {
		return '';
	}
	return false === $dp ? $number : number_format( (float) $number, (int) $dp, '.', '' );
}

/** includes/wc-formatting-functions.php wc_price(): the price as HTML. */
function wc_price( $price, $args = array() ) {
	$currency = isset( $args['currency'] ) ? $args['currency'] : get_woocommerce_currency();
	return '<span class="woocommerce-Price-amount amount">' . esc_html( number_format( (float) $price, wc_get_price_decimals(), '.', ',' ) . ' ' . $currency ) . '</span>';
}

/** includes/wc-page-functions.php wc_get_cart_url(). */
function wc_get_cart_url() {
	return home_url( '/cart/' );
}

/** includes/wc-conditional-functions.php: which WooCommerce page this is (tests set $GLOBALS['wc_double_page']). */
function is_cart() {
	return 'cart' === ( $GLOBALS['wc_double_page'] ?? null );
}
function is_checkout() {
	return 'checkout' === ( $GLOBALS['wc_double_page'] ?? null ) || is_order_received_page();
}
function is_product() {
	return 'product' === ( $GLOBALS['wc_double_page'] ?? null );
}
function is_order_received_page() {
	return 'order-received' === ( $GLOBALS['wc_double_page'] ?? null );
}

/** includes/wc-attribute-functions.php wc_attribute_label(): a custom attribute's label is its name, capitalised as given. */
function wc_attribute_label( $name, $product = '' ) {
	return ucfirst( str_replace( array( 'attribute_', 'pa_' ), '', $name ) );
}

/** includes/class-woocommerce.php: WooCommerce::init() runs on init at priority 0. */
add_action(
	'init',
	static function () {
		do_action( 'before_woocommerce_init' );
		WC_Double_Products::register();
		WC_Double_Orders::register();
		do_action( 'woocommerce_init' );
	},
	0
);

/** includes/class-wc-install.php create_roles(): administrators get WooCommerce's capabilities. */
register_activation_hook(
	__FILE__,
	static function () {
		foreach ( array( 'manage_woocommerce', 'view_woocommerce_reports' ) as $capability ) {
			get_role( 'administrator' )->add_cap( $capability );
		}
	}
);
