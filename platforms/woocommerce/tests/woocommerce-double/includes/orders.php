<?php
/**
 * Orders, following includes/class-wc-order.php, includes/class-wc-order-item-product.php and the post
 * data store (includes/data-stores/class-wc-order-data-store-cpt.php): an order is a "shop_order" post
 * whose post_status is "wc-<status>", its items and meta kept with it.
 *
 * @package Triad\Tests
 */

defined( 'ABSPATH' ) || exit;

final class WC_Double_Orders {
	public static function register() {
		register_post_type( 'shop_order', array( 'public' => false ) );
		foreach ( array( 'pending', 'processing', 'on-hold', 'completed', 'cancelled', 'refunded', 'failed' ) as $status ) {
			register_post_status( 'wc-' . $status, array( 'public' => false ) );
		}
	}
}

/** includes/class-wc-order-item-product.php: a line of an order. */
class WC_Order_Item_Product {
	private $data;

	public function __construct( array $data ) {
		$this->data = $data;
	}
	public function get_product_id() {
		return $this->data['product_id'];
	}
	public function get_variation_id() {
		return $this->data['variation_id'];
	}
	public function get_quantity() {
		return $this->data['quantity'];
	}
	/** The line's price before discounts, times the quantity. */
	public function get_subtotal() {
		return $this->data['subtotal'];
	}
	public function get_total() {
		return $this->data['total'];
	}
	public function get_name() {
		return $this->data['name'];
	}
	public function to_array() {
		return $this->data;
	}
}

class WC_Order {
	private $id = 0;
	private $status = 'pending';
	private $customer_id = 0;
	private $currency;
	private $items = array();
	private $meta = array();
	private $fees = array();
	private $created;

	public function __construct( $id = 0 ) {
		$this->currency = get_woocommerce_currency();
		if ( $id ) {
			$post              = get_post( $id );
			$this->id          = $post->ID;
			$this->status      = substr( $post->post_status, 3 );
			$this->customer_id = (int) get_post_meta( $id, '_customer_user', true );
			$this->currency    = get_post_meta( $id, '_order_currency', true );
			$this->items       = (array) get_post_meta( $id, '_items', true );
			$this->fees        = (array) get_post_meta( $id, '_fees', true );
			$this->meta        = (array) get_post_meta( $id, '_meta', true );
			$this->created     = new WC_DateTime( $post->post_date_gmt, new DateTimeZone( 'UTC' ) );
		}
	}

	public function get_id() {
		return $this->id;
	}
	public function get_status() {
		return $this->status;
	}
	public function set_status( $status ) {
		$this->status = 0 === strpos( $status, 'wc-' ) ? substr( $status, 3 ) : $status;
	}
	public function get_customer_id() {
		return $this->customer_id;
	}
	public function set_customer_id( $id ) {
		$this->customer_id = absint( $id );
	}
	public function get_currency() {
		return $this->currency;
	}
	public function get_date_created() {
		return $this->created;
	}
	/** @return WC_Order_Item_Product[] */
	public function get_items() {
		return array_map(
			static function ( $item ) {
				return new WC_Order_Item_Product( $item );
			},
			$this->items
		);
	}
	/** class-wc-abstract-order.php add_product(): a line at the product's current price. */
	public function add_product( $product, $quantity = 1 ) {
		$is_variation  = 'variation' === $product->get_type();
		$this->items[] = array(
			'product_id'   => $is_variation ? $product->get_parent_id() : $product->get_id(),
			'variation_id' => $is_variation ? $product->get_id() : 0,
			'quantity'     => $quantity,
			'subtotal'     => wc_format_decimal( (float) $product->get_price() * $quantity, 2 ),
			'total'        => wc_format_decimal( (float) $product->get_price() * $quantity, 2 ),
			'name'         => $product->get_name(),
			'price'        => $product->get_price(),
		);
	}
	/** A fee line (WC_Order_Item_Fee), as checkout copies the cart's fees. */
	public function add_fee( $name, $amount ) {
		$this->fees[] = array(
			'name'  => $name,
			'total' => wc_format_decimal( $amount, 2 ),
		);
	}
	public function get_fees() {
		return $this->fees;
	}
	public function get_total() {
		$total = 0.0;
		foreach ( $this->items as $item ) {
			$total += (float) $item['total'];
		}
		foreach ( $this->fees as $fee ) {
			$total += (float) $fee['total'];
		}
		return wc_format_decimal( $total, 2 );
	}
	public function update_meta_data( $key, $value ) {
		$this->meta[ $key ] = $value;
	}
	public function get_meta( $key ) {
		return isset( $this->meta[ $key ] ) ? $this->meta[ $key ] : '';
	}
	public function get_meta_data() {
		return $this->meta;
	}

	/** Saves; a new order fires woocommerce_new_order, a saved one woocommerce_update_order (WC_Webhook topic hooks). */
	public function save() {
		$creating = ! $this->id;
		$post     = array(
			'post_type'   => 'shop_order',
			'post_status' => 'wc-' . $this->status,
			'post_title'  => 'Order',
		);
		if ( $creating ) {
			$this->id = wp_insert_post( $post, true );
		} else {
			$post['ID'] = $this->id;
			wp_update_post( $post );
		}
		update_post_meta( $this->id, '_customer_user', $this->customer_id );
		update_post_meta( $this->id, '_order_currency', $this->currency );
		update_post_meta( $this->id, '_items', $this->items );
		update_post_meta( $this->id, '_fees', $this->fees );
		update_post_meta( $this->id, '_meta', $this->meta );
		$this->created = $this->created ?: new WC_DateTime( get_post( $this->id )->post_date_gmt, new DateTimeZone( 'UTC' ) );
		do_action( $creating ? 'woocommerce_new_order' : 'woocommerce_update_order', $this->id, $this );
		return $this->id;
	}
}

/** includes/class-wc-datetime.php: a DateTime that knows its timestamp. */
class WC_DateTime extends DateTime {
}

/** includes/wc-core-functions.php wc_create_order(). */
function wc_create_order( $args = array() ) {
	$order = new WC_Order();
	if ( isset( $args['customer_id'] ) ) {
		$order->set_customer_id( $args['customer_id'] );
	}
	return $order;
}

/** includes/wc-order-functions.php wc_get_order(). */
function wc_get_order( $id ) {
	$post = get_post( absint( $id ) );
	return $post && 'shop_order' === $post->post_type ? new WC_Order( $post->ID ) : false;
}

/** includes/wc-order-functions.php wc_get_orders() (WC_Order_Query), with the arguments of wc_get_products(). */
function wc_get_orders( $args ) {
	if ( isset( $args['status'] ) ) {
		$args['status'] = array_map(
			static function ( $status ) {
				return 0 === strpos( $status, 'wc-' ) ? $status : 'wc-' . $status;
			},
			(array) $args['status']
		);
	}
	$query = wc_double_query( 'shop_order', $args );
	$items = array_map( 'wc_get_order', $query->posts );
	if ( empty( $args['paginate'] ) ) {
		return $items;
	}
	return (object) array(
		'orders'        => $items,
		'total'         => (int) $query->found_posts,
		'max_num_pages' => (int) $query->max_num_pages,
	);
}
