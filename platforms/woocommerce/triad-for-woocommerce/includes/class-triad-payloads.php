<?php
/**
 * WooCommerce products and orders as Triad's imports read them.
 *
 * @package Triad
 */

defined( 'ABSPATH' ) || exit;

/**
 * Products as Triad's product body (the ids its webhooks and the Store API cart use: a simple product is
 * its own variant, a variable product's variants are its variations) and orders in WooCommerce's REST v3
 * shape, which Triad's order import reads as the order webhook's body.
 */
final class Triad_Payloads {

	/** @return array|null null for a product Triad does not learn (a variation on its own: it comes with its parent) */
	public static function product( $product ) {
		if ( ! $product || 'variation' === $product->get_type() ) {
			return null;
		}
		$published = 'publish' === $product->get_status();
		$variants  = array();
		if ( 'variable' === $product->get_type() ) {
			foreach ( $product->get_children() as $child_id ) {
				$variation = wc_get_product( $child_id );
				if ( $variation && '' !== (string) $variation->get_price() ) {
					$variants[] = self::variant( $variation, $published, self::options( $variation ) );
				}
			}
		} elseif ( 'external' !== $product->get_type() && '' !== (string) $product->get_price() ) {
			$variants[] = self::variant( $product, $published, array() );
		}
		$image      = $product->get_image_id() ? wp_get_attachment_url( $product->get_image_id() ) : null;
		$categories = $product->get_category_ids();
		$term       = $categories ? get_term( $categories[0], 'product_cat' ) : null;
		$body       = array(
			'id'          => (string) $product->get_id(),
			'title'       => $product->get_name(),
			'type'        => $term && ! is_wp_error( $term ) ? $term->slug : null,
			'url'         => get_permalink( $product->get_id() ),
			'variants'    => $variants,
			'complements' => array_map( 'strval', $product->get_cross_sell_ids() ),
			'upgrades'    => array_map( 'strval', $product->get_upsell_ids() ),
		);
		if ( $image ) {
			$body['image'] = $image;
		}
		if ( $product->get_review_count() > 0 ) {
			$body['rating']      = (float) $product->get_average_rating();
			$body['reviewCount'] = (int) $product->get_review_count();
		}
		return $body;
	}

	private static function variant( $product, $published, array $options ) {
		$price   = wc_format_decimal( $product->get_price(), wc_get_price_decimals() );
		$regular = (string) $product->get_regular_price();
		$variant = array(
			'id'      => (string) $product->get_id(),
			'price'   => $price,
			'inStock' => $published && $product->is_in_stock() && $product->is_purchasable(),
			'options' => (object) $options,
		);
		if ( '' !== $regular && (float) $regular > (float) $price ) {
			$variant['compareAtPrice'] = wc_format_decimal( $regular, wc_get_price_decimals() );
		}
		if ( $options ) {
			$variant['title'] = implode( ' / ', array_values( $options ) );
		}
		return $variant;
	}

	/** A variation's attributes by their label: array( 'Size' => 'M' ); "any" (empty) values fix nothing. */
	private static function options( $variation ) {
		$options = array();
		foreach ( $variation->get_attributes() as $taxonomy => $value ) {
			if ( '' === (string) $value ) {
				continue;
			}
			$term  = taxonomy_exists( $taxonomy ) ? get_term_by( 'slug', $value, $taxonomy ) : false;
			$label = wc_attribute_label( $taxonomy, $variation );
			$options[ $label ] = $term ? $term->name : $value;
		}
		return $options;
	}

	/** The order as WooCommerce's REST v3 (the order.created webhook's body) names what Triad reads. */
	public static function order( $order ) {
		$lines = array();
		foreach ( $order->get_items() as $item ) {
			$quantity = (int) $item->get_quantity();
			if ( $quantity < 1 || ! $item->get_product_id() ) {
				continue;
			}
			$lines[] = array(
				'product_id'   => (string) $item->get_product_id(),
				'variation_id' => (string) $item->get_variation_id(),
				'quantity'     => $quantity,
				'price'        => wc_format_decimal( (float) $item->get_subtotal() / $quantity, wc_get_price_decimals() ),
				'name'         => $item->get_name(),
			);
		}
		$created = $order->get_date_created();
		$body    = array(
			'id'               => (string) $order->get_id(),
			'status'           => $order->get_status(),
			'customer_id'      => (string) $order->get_customer_id(),
			'date_created_gmt' => $created ? gmdate( 'Y-m-d\TH:i:s', $created->getTimestamp() ) : null,
			'line_items'       => $lines,
		);
		$session = $order->get_meta( Triad_Storefront::SESSION_META );
		if ( $session ) {
			$body['meta_data'] = array(
				array(
					'key'   => Triad_Storefront::SESSION_META,
					'value' => $session,
				),
			);
		}
		return $body;
	}
}
