<?php
/**
 * Wires the plugin's parts to WordPress and WooCommerce.
 *
 * @package Triad
 */

defined( 'ABSPATH' ) || exit;

/** The plugin: one instance of each part, hooked once WooCommerce is there. */
final class Triad_Plugin {

	/** @var Triad_Plugin|null */
	private static $instance;

	/** @var Triad_Connection */
	public $connection;
	/** @var Triad_Sync */
	public $sync;
	/** @var Triad_Discounts */
	public $discounts;
	/** @var Triad_Storefront */
	public $storefront;

	public static function boot() {
		if ( ! class_exists( 'WooCommerce' ) ) {
			add_action(
				'admin_notices',
				static function () {
					echo '<div class="notice notice-error"><p>' . esc_html__( 'Triad for WooCommerce needs WooCommerce to be active.', 'triad-for-woocommerce' ) . '</p></div>';
				}
			);
			return;
		}
		self::instance();
	}

	public static function instance() {
		if ( null === self::$instance ) {
			self::$instance = new self();
		}
		return self::$instance;
	}

	private function __construct() {
		$this->connection = new Triad_Connection();
		$this->sync       = new Triad_Sync( $this->connection );
		$this->discounts  = new Triad_Discounts( $this->connection );
		$this->storefront = new Triad_Storefront( $this->connection );
		$this->sync->hook();
		$this->discounts->hook();
		$this->storefront->hook();
		( new Triad_Emails( $this->connection ) )->hook();
		if ( is_admin() ) {
			( new Triad_Admin_Page( $this->connection, $this->sync, $this->storefront ) )->hook();
		}
	}

	/** Deactivation stops the background jobs; the connection and the webhooks stay until uninstall or disconnect. */
	public static function deactivate() {
		if ( function_exists( 'as_unschedule_all_actions' ) ) {
			as_unschedule_all_actions( Triad_Sync::STEP, array(), Triad_Sync::GROUP );
			as_unschedule_all_actions( Triad_Sync::RECONCILE, array(), Triad_Sync::GROUP );
		}
	}
}
