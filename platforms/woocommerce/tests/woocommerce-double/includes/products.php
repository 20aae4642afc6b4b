<?php
/**
 * Products, following includes/abstracts/abstract-wc-product.php, includes/class-wc-product-simple.php,
 * -variable.php, -variation.php and the post data store (includes/data-stores/class-wc-product-data-store-cpt.php):
 * a product is a "product" post, a variation a "product_variation" post under it, prices and stock in
 * post meta (_regular_price, _sale_price, _price, _stock_status, _upsell_ids, _crosssell_ids).
 *
 * @package Triad\Tests
 */

defined( 'ABSPATH' ) || exit;

/** Registers the post types, as WC_Post_Types::register_post_types() does. */
final class WC_Double_Products {
	public static function register() {
		register_post_type( 'product', array( 'public' => true, 'rewrite' => array( 'slug' => 'product' ) ) );
		register_post_type( 'product_variation', array( 'public' => false ) );
		register_taxonomy( 'product_cat', 'product', array( 'public' => true ) );
	}
}

class WC_Product {
	protected $id = 0;
	protected $data = array(
		'name'           => '',
		'status'         => 'publish',
		'regular_price'  => '',
		'sale_price'     => '',
		'stock_status'   => 'instock',
		'upsell_ids'     => array(),
		'cross_sell_ids' => array(),
		'category_ids'   => array(),
		'image_id'       => 0,
		'parent_id'      => 0,
		'attributes'     => array(),
		'review_count'   => 0,
		'average_rating' => 0,
	);

	public function __construct( $product = 0 ) {
		$id = is_object( $product ) ? $product->ID : absint( $product );
		if ( $id ) {
			$this->read( $id );
		}
	}

	public function get_type() {
		return 'simple';
	}
	public function get_id() {
		return $this->id;
	}
	public function get_name() {
		return $this->data['name'];
	}
	public function get_status() {
		return $this->data['status'];
	}
	/** The active price: the sale price while set, else the regular price (WC_Product_Data_Store_CPT _price). */
	public function get_price( $context = 'view' ) {
		return '' !== (string) $this->data['sale_price'] ? $this->data['sale_price'] : $this->data['regular_price'];
	}
	public function get_regular_price() {
		return $this->data['regular_price'];
	}
	public function get_sale_price() {
		return $this->data['sale_price'];
	}
	public function get_stock_status() {
		return $this->data['stock_status'];
	}
	public function is_in_stock() {
		return 'outofstock' !== $this->data['stock_status'];
	}
	/** abstract-wc-product.php is_purchasable(): exists, published (or private) and priced. */
	public function is_purchasable() {
		return $this->id && in_array( $this->get_status(), array( 'publish', 'private' ), true ) && '' !== (string) $this->get_price();
	}
	public function get_upsell_ids() {
		return $this->data['upsell_ids'];
	}
	public function get_cross_sell_ids() {
		return $this->data['cross_sell_ids'];
	}
	public function get_category_ids() {
		return $this->data['category_ids'];
	}
	public function get_image_id() {
		return $this->data['image_id'];
	}
	public function get_parent_id() {
		return $this->data['parent_id'];
	}
	public function get_attributes() {
		return $this->data['attributes'];
	}
	public function get_children() {
		return array();
	}
	public function get_review_count() {
		return $this->data['review_count'];
	}
	public function get_average_rating() {
		return $this->data['average_rating'];
	}
	public function get_permalink() {
		return get_permalink( $this->id );
	}
	public function get_date_modified() {
		$post = get_post( $this->id );
		return $post ? new DateTimeImmutable( $post->post_modified_gmt, new DateTimeZone( 'UTC' ) ) : null;
	}

	public function set_name( $name ) {
		$this->data['name'] = $name;
	}
	public function set_status( $status ) {
		$this->data['status'] = $status;
	}
	public function set_regular_price( $price ) {
		$this->data['regular_price'] = wc_format_decimal( $price );
	}
	public function set_sale_price( $price ) {
		$this->data['sale_price'] = wc_format_decimal( $price );
	}
	public function set_stock_status( $status ) {
		$this->data['stock_status'] = $status;
	}
	public function set_upsell_ids( array $ids ) {
		$this->data['upsell_ids'] = array_map( 'absint', $ids );
	}
	public function set_cross_sell_ids( array $ids ) {
		$this->data['cross_sell_ids'] = array_map( 'absint', $ids );
	}
	public function set_category_ids( array $ids ) {
		$this->data['category_ids'] = array_map( 'absint', $ids );
	}
	public function set_parent_id( $id ) {
		$this->data['parent_id'] = absint( $id );
	}
	/** For a variation: attribute name => value (an empty value is "any"). */
	public function set_attributes( array $attributes ) {
		$this->data['attributes'] = $attributes;
	}

	protected function post_type() {
		return 'product';
	}

	/** Saves as a post and its meta; fires the hooks WooCommerce's webhooks listen to. */
	public function save() {
		$creating = ! $this->id;
		$post     = array(
			'post_type'   => $this->post_type(),
			'post_title'  => $this->data['name'],
			'post_status' => $this->data['status'],
			'post_parent' => $this->data['parent_id'],
		);
		if ( $creating ) {
			$this->id = wp_insert_post( $post, true );
		} else {
			$post['ID'] = $this->id;
			wp_update_post( $post );
		}
		update_post_meta( $this->id, '_product_type', $this->get_type() );
		foreach ( array( 'regular_price', 'sale_price', 'stock_status', 'upsell_ids', 'attributes', 'review_count', 'average_rating' ) as $key ) {
			update_post_meta( $this->id, '_' . $key, $this->data[ $key ] );
		}
		update_post_meta( $this->id, '_crosssell_ids', $this->data['cross_sell_ids'] );
		update_post_meta( $this->id, '_price', $this->get_price() );
		wp_set_object_terms( $this->id, $this->data['category_ids'], 'product_cat' );
		$variation = 'variation' === $this->get_type();
		// includes/class-wc-post-data.php and the webhook topic hooks of WC_Webhook::get_topic_hooks().
		do_action( $variation ? ( $creating ? 'woocommerce_new_product_variation' : 'woocommerce_update_product_variation' ) : ( $creating ? 'woocommerce_new_product' : 'woocommerce_update_product' ), $this->id, $this );
		return $this->id;
	}

	/** Deletes (force) or trashes, firing what WC_Product_Data_Store_CPT::delete() fires. */
	public function delete( $force = false ) {
		$id = $this->id;
		if ( $force ) {
			wp_delete_post( $id, true );
			do_action( 'woocommerce_delete_product', $id );
		} else {
			wp_trash_post( $id );
			do_action( 'woocommerce_trash_product', $id );
		}
		return true;
	}

	protected function read( $id ) {
		$post = get_post( $id );
		if ( ! $post ) {
			return;
		}
		$this->id                     = $post->ID;
		$this->data['name']           = $post->post_title;
		$this->data['status']         = $post->post_status;
		$this->data['parent_id']      = $post->post_parent;
		foreach ( array( 'regular_price', 'sale_price', 'stock_status', 'attributes', 'review_count', 'average_rating' ) as $key ) {
			$value = get_post_meta( $id, '_' . $key, true );
			if ( '' !== $value ) {
				$this->data[ $key ] = $value;
			}
		}
		$this->data['upsell_ids']     = array_filter( (array) get_post_meta( $id, '_upsell_ids', true ) );
		$this->data['cross_sell_ids'] = array_filter( (array) get_post_meta( $id, '_crosssell_ids', true ) );
		$this->data['category_ids']   = wp_get_post_terms( $id, 'product_cat', array( 'fields' => 'ids' ) );
		if ( is_wp_error( $this->data['category_ids'] ) ) {
			$this->data['category_ids'] = array();
		}
	}
}

class WC_Product_Simple extends WC_Product {
}

class WC_Product_External extends WC_Product {
	public function get_type() {
		return 'external';
	}
}

class WC_Product_Variable extends WC_Product {
	public function get_type() {
		return 'variable';
	}
	/** class-wc-product-variable.php get_children(): the variations' ids, in menu order. */
	public function get_children() {
		return get_posts(
			array(
				'post_type'   => 'product_variation',
				'post_parent' => $this->id,
				'post_status' => array( 'publish', 'private' ),
				'fields'      => 'ids',
				'numberposts' => -1,
				'orderby'     => 'ID',
				'order'       => 'ASC',
			)
		);
	}
	public function get_price( $context = 'view' ) {
		$prices = array_map(
			static function ( $id ) {
				return ( new WC_Product_Variation( $id ) )->get_price();
			},
			$this->get_children()
		);
		return $prices ? (string) min( $prices ) : '';
	}
}

class WC_Product_Variation extends WC_Product {
	public function get_type() {
		return 'variation';
	}
	protected function post_type() {
		return 'product_variation';
	}
	public function get_name() {
		$parent = wc_get_product( $this->get_parent_id() );
		return ( $parent ? $parent->get_name() : '' ) . ( $this->data['attributes'] ? ' - ' . implode( ', ', array_filter( $this->data['attributes'] ) ) : '' );
	}
	/** A variation is published with its parent. */
	public function get_status() {
		$parent = get_post( $this->get_parent_id() );
		return $parent && 'publish' !== $parent->post_status ? $parent->post_status : $this->data['status'];
	}
}

/** includes/wc-product-functions.php wc_get_product(): the product of the right class, or false. */
function wc_get_product( $id ) {
	$post = get_post( absint( $id ) );
	if ( ! $post || ! in_array( $post->post_type, array( 'product', 'product_variation' ), true ) ) {
		return false;
	}
	if ( 'product_variation' === $post->post_type ) {
		return new WC_Product_Variation( $post->ID );
	}
	$type = get_post_meta( $post->ID, '_product_type', true );
	$map  = array(
		'variable' => 'WC_Product_Variable',
		'external' => 'WC_Product_External',
	);
	$class = isset( $map[ $type ] ) ? $map[ $type ] : 'WC_Product_Simple';
	return new $class( $post->ID );
}

/**
 * includes/wc-product-functions.php wc_get_products() (WC_Product_Query): limit, page, orderby, order,
 * status, date_modified ("start...end" timestamps, ">ts", "<ts") and paginate (an object of products,
 * total and max_num_pages).
 */
function wc_get_products( $args ) {
	$query = wc_double_query( 'product', $args );
	$items = array_map( 'wc_get_product', $query->posts );
	if ( empty( $args['paginate'] ) ) {
		return $items;
	}
	return (object) array(
		'products'      => $items,
		'total'         => (int) $query->found_posts,
		'max_num_pages' => (int) $query->max_num_pages,
	);
}

/** A WP_Query for the WC_Object_Query arguments the double supports. */
function wc_double_query( $post_type, array $args ) {
	$query = array(
		'post_type'      => $post_type,
		'post_status'    => isset( $args['status'] ) ? (array) $args['status'] : 'any',
		'posts_per_page' => isset( $args['limit'] ) ? (int) $args['limit'] : 10,
		'paged'          => isset( $args['page'] ) ? (int) $args['page'] : 1,
		'orderby'        => isset( $args['orderby'] ) ? $args['orderby'] : 'date',
		'order'          => isset( $args['order'] ) ? $args['order'] : 'DESC',
		'fields'         => 'ids',
	);
	if ( ! empty( $args['date_modified'] ) ) {
		// WC_Object_Query date arguments: "start...end", ">ts", "<ts" with timestamps, compared in GMT.
		$range = (string) $args['date_modified'];
		$after = null;
		$before = null;
		if ( false !== strpos( $range, '...' ) ) {
			list( $after, $before ) = explode( '...', $range );
		} elseif ( '>' === $range[0] ) {
			$after = substr( $range, 1 );
		} elseif ( '<' === $range[0] ) {
			$before = substr( $range, 1 );
		}
		$date = array(
			'column'    => 'post_modified_gmt',
			'inclusive' => true,
		);
		if ( null !== $after ) {
			$date['after'] = gmdate( 'Y-m-d H:i:s', (int) $after );
		}
		if ( null !== $before ) {
			$date['before'] = gmdate( 'Y-m-d H:i:s', (int) $before );
		}
		$query['date_query'] = array( $date );
	}
	return new WP_Query( $query );
}
