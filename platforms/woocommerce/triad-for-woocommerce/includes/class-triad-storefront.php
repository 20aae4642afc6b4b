<?php
/**
 * Where offers appear: the block Cart's slot, the pop-up on "Proceed to checkout" (block and classic),
 * and "for your next order" on the order-received page.
 *
 * @package Triad
 */

defined( 'ABSPATH' ) || exit;

/** The storefront side of the plugin. */
final class Triad_Storefront {

	const SESSION_META = '_triad_session';
	const SETTINGS     = 'triad_settings';
	/** Triad's offer budget on the order-received page: past it the page shows no offers, never waits. */
	const THANK_YOU_TIMEOUT = 0.3;

	/** @var Triad_Connection */
	private $connection;

	public function __construct( Triad_Connection $connection ) {
		$this->connection = $connection;
	}

	public function hook() {
		add_action( 'wp_footer', array( $this, 'print_widget' ) );
		add_action( 'woocommerce_blocks_cart_block_registration', array( $this, 'register_blocks' ) );
		add_action( 'woocommerce_checkout_create_order', array( $this, 'remember_session' ) );
		add_action( 'woocommerce_store_api_checkout_update_order_from_request', array( $this, 'remember_session' ) );
		add_action( 'woocommerce_thankyou', array( $this, 'render_next_order_offers' ), 20 );
		add_action( 'wp_loaded', array( $this, 'take_offer_link' ) );
	}

	/** @return array triggers (checkout, cart), inline_cart, thank_you */
	public static function settings() {
		$saved = get_option( self::SETTINGS, array() );
		return array_merge(
			array(
				'triggers'    => array( 'checkout' ),
				'inline_cart' => true,
				'thank_you'   => true,
			),
			is_array( $saved ) ? $saved : array()
		);
	}

	/** What the widget and the blocks script are told: where Triad is and which shop this is. */
	public function script_data() {
		$settings = self::settings();
		return array(
			'endpoint'   => $this->connection->url(),
			'shop'       => $this->connection->shop(),
			'key'        => $this->connection->publishable_key(),
			'inlineCart' => (bool) $settings['inline_cart'],
			'namespace'  => Triad_Discounts::NAMESPACE_ID,
			'customer'   => is_user_logged_in() ? (string) get_current_user_id() : null,
			'timeout'    => 300,
		);
	}

	/** The pop-up widget on the cart and checkout pages, from Triad, with this shop's publishable key. */
	public function print_widget() {
		$settings = self::settings();
		if ( ! $this->connection->is_connected() || ! $settings['triggers'] ) {
			return;
		}
		if ( ! ( is_cart() || is_checkout() ) || is_order_received_page() ) {
			return;
		}
		$data       = $this->script_data();
		$attributes = array(
			'src'            => $data['endpoint'] . '/widget/v1/triad.js',
			'async'          => true,
			'data-shop'      => $data['shop'],
			'data-key'       => $data['key'],
			'data-platform'  => 'woocommerce',
			'data-endpoint'  => $data['endpoint'],
			'data-triggers'  => implode( ',', $settings['triggers'] ),
			'data-claims'    => 'store-api',
			'data-lang'      => substr( get_locale(), 0, 2 ),
		);
		if ( $data['customer'] ) {
			$attributes['data-customer'] = $data['customer'];
		}
		echo wp_get_script_tag( $attributes ); // phpcs:ignore WordPress.Security.EscapeOutput -- escaped by wp_get_script_tag
	}

	/**
	 * The Cart block asks for its integrations (woocommerce_blocks_cart_block_registration) when it is
	 * rendered; Triad's joins them while the store is connected and the inline offers are on.
	 */
	public function register_blocks( $registry ) {
		if ( ! $this->connection->is_connected() || ! self::settings()['inline_cart'] ) {
			return;
		}
		require_once TRIAD_PLUGIN_DIR . '/includes/class-triad-blocks-integration.php';
		$registry->register( new Triad_Blocks_Integration( $this ) );
	}

	/**
	 * The widget's session (its first-party cookie) on the order, as the _triad_session meta the
	 * order webhook carries: the order counts as the result of the offers that session saw.
	 */
	public function remember_session( $order ) {
		$session = isset( $_COOKIE['triad_session'] ) ? sanitize_text_field( wp_unslash( $_COOKIE['triad_session'] ) ) : '';
		if ( 1 === preg_match( '/^[A-Za-z0-9_.:-]{1,128}$/', $session ) ) {
			$order->update_meta_data( self::SESSION_META, $session );
		}
	}

	/** "For your next order": up to three offers for what was just bought, or nothing within the budget. */
	public function render_next_order_offers( $order_id ) {
		$order = wc_get_order( $order_id );
		if ( ! $order || ! $this->connection->is_connected() || ! self::settings()['thank_you'] ) {
			return;
		}
		$offers = $this->offers_after( $order );
		if ( ! $offers ) {
			return;
		}
		echo '<section class="triad-next-order"><h2>' . esc_html__( 'For your next order', 'triad-for-woocommerce' ) . '</h2><ul>';
		foreach ( $offers as $offer ) {
			$items = isset( $offer['items'] ) ? $offer['items'] : array( $offer );
			$title = implode( ' + ', wp_list_pluck( $items, 'title' ) );
			$link  = add_query_arg( $this->take_query( $offer, $items ), wc_get_cart_url() );
			echo '<li class="triad-offer triad-' . esc_attr( $offer['kind'] ) . '">';
			if ( ! empty( $items[0]['image'] ) ) {
				echo '<img src="' . esc_url( $items[0]['image'] ) . '" alt="" width="64" height="64" loading="lazy">';
			}
			echo '<span class="triad-title">' . esc_html( $title ) . '</span> ';
			echo '<span class="triad-price">' . wp_kses_post( wc_price( $offer['extra'], array( 'currency' => $order->get_currency() ) ) ) . '</span> ';
			if ( ! empty( $offer['discountPercent'] ) ) {
				/* translators: %d: the discount in percent */
				echo '<span class="triad-save">' . esc_html( sprintf( __( 'Save %d %%', 'triad-for-woocommerce' ), $offer['discountPercent'] ) ) . '</span> ';
			}
			echo '<a class="button" href="' . esc_url( $link ) . '">' . esc_html__( 'Add to cart', 'triad-for-woocommerce' ) . '</a></li>';
		}
		echo '</ul></section>';
	}

	/** Triad's post-purchase offers for $order; none when Triad is slow, down or refuses. */
	public function offers_after( $order ) {
		$cart = array();
		foreach ( $order->get_items() as $item ) {
			if ( ! $item->get_product_id() || $item->get_quantity() < 1 ) {
				continue;
			}
			$line = array(
				'productId' => (string) $item->get_product_id(),
				'quantity'  => (int) $item->get_quantity(),
				'price'     => wc_format_decimal( (float) $item->get_subtotal() / $item->get_quantity(), wc_get_price_decimals() ),
			);
			if ( $item->get_variation_id() ) {
				$line['variantId'] = (string) $item->get_variation_id();
			}
			$cart[] = $line;
		}
		if ( ! $cart ) {
			return array();
		}
		$request = array(
			'placement' => 'post_purchase',
			'currency'  => $order->get_currency(),
			'sessionId' => 'order-' . $order->get_id(),
			'cart'      => array_slice( $cart, 0, 100 ),
		);
		if ( $order->get_customer_id() ) {
			$request['customerId'] = (string) $order->get_customer_id();
		}
		$client = new Triad_Client( $this->connection->url(), $this->connection->publishable_key() );
		$answer = $client->post_json( '/v1/shops/' . rawurlencode( (string) $this->connection->shop() ) . '/offers', $request, self::THANK_YOU_TIMEOUT, true );
		if ( is_wp_error( $answer ) || ! isset( $answer['body']['offers'] ) || ! is_array( $answer['body']['offers'] ) ) {
			return array();
		}
		// A next order is another purchase: an upgrade of what was just bought is no offer there.
		return array_values(
			array_filter(
				$answer['body']['offers'],
				static function ( $offer ) {
					return 'upgrade' !== $offer['kind'];
				}
			)
		);
	}

	private function take_query( array $offer, array $items ) {
		$ids = array();
		foreach ( $items as $item ) {
			$ids[] = isset( $item['variantId'] ) ? $item['variantId'] : $item['productId'];
		}
		$query = array( 'triad-take' => implode( ',', $ids ) );
		if ( ! empty( $offer['token'] ) ) {
			$query['triad-token'] = $offer['token'];
		}
		return $query;
	}

	/**
	 * A "for your next order" link: ?triad-take=<ids>[&triad-token=<token>] puts the offer's items in the
	 * cart (one of each) with its discount while the token is valid, and opens the cart. An expired or
	 * altered token still adds the items, at their usual prices.
	 */
	public function take_offer_link() {
		if ( empty( $_GET['triad-take'] ) || ! function_exists( 'WC' ) || ! WC()->cart ) { // phpcs:ignore WordPress.Security.NonceVerification
			return;
		}
		$ids = array_slice( array_filter( array_map( 'absint', explode( ',', sanitize_text_field( wp_unslash( $_GET['triad-take'] ) ) ) ) ), 0, 3 ); // phpcs:ignore WordPress.Security.NonceVerification
		foreach ( $ids as $id ) {
			$product = wc_get_product( $id );
			if ( ! $product ) {
				continue;
			}
			if ( 'variation' === $product->get_type() ) {
				WC()->cart->add_to_cart( $product->get_parent_id(), 1, $product->get_id(), $product->get_attributes() );
			} else {
				WC()->cart->add_to_cart( $product->get_id(), 1 );
			}
		}
		if ( ! empty( $_GET['triad-token'] ) ) { // phpcs:ignore WordPress.Security.NonceVerification
			Triad_Plugin::instance()->discounts->take( sanitize_text_field( wp_unslash( $_GET['triad-token'] ) ) ); // phpcs:ignore WordPress.Security.NonceVerification
		}
		wp_safe_redirect( wc_get_cart_url() );
		exit;
	}
}
