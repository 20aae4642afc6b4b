<?php
/**
 * Triad's HTTP API as the plugin calls it.
 *
 * @package Triad
 */

defined( 'ABSPATH' ) || exit;

/** Calls Triad; every answer is array( status, body (decoded JSON or null) ) or a WP_Error naming what failed. */
final class Triad_Client {

	/** @var string */
	private $base;
	/** @var string|null */
	private $key;

	public function __construct( $base, $key = null ) {
		$this->base = untrailingslashit( (string) $base );
		$this->key  = $key;
	}

	public function post_json( $path, array $body, $timeout = 15, $publishable = false ) {
		return $this->send( 'POST', $path, wp_json_encode( $body ), 'application/json', $timeout, $publishable );
	}

	public function put_json( $path, array $body, $timeout = 15 ) {
		return $this->send( 'PUT', $path, wp_json_encode( $body ), 'application/json', $timeout );
	}

	/** @param array[] $records one JSON object per line */
	public function post_ndjson( $path, array $records, $timeout = 60 ) {
		$lines = array_map( 'wp_json_encode', $records );
		return $this->send( 'POST', $path, implode( "\n", $lines ) . "\n", 'application/x-ndjson', $timeout );
	}

	/** @return array|WP_Error array( 'status' => int, 'body' => mixed ) for a 2xx answer */
	private function send( $method, $path, $body, $type, $timeout, $publishable = false ) {
		$headers = array(
			'Content-Type' => $type,
			'Accept'       => 'application/json',
		);
		if ( null !== $this->key ) {
			$headers[ $publishable ? 'X-Triad-Key' : 'Authorization' ] = $publishable ? $this->key : 'Bearer ' . $this->key;
		}
		// WordPress's HTTP API waits at least a second (Requests' curl transport rounds shorter timeouts up);
		// a storefront budget under a second is set on the curl handle itself, for this request only.
		$limit = null;
		if ( $timeout < 1 ) {
			$ms    = (int) round( $timeout * 1000 );
			$limit = static function ( $handle ) use ( $ms ) {
				curl_setopt( $handle, CURLOPT_NOSIGNAL, true );
				curl_setopt( $handle, CURLOPT_TIMEOUT_MS, $ms );
				curl_setopt( $handle, CURLOPT_CONNECTTIMEOUT_MS, $ms );
			};
			add_action( 'http_api_curl', $limit );
		}
		// Not wp_safe_remote_request: Triad may run on a private address next to the store.
		$response = wp_remote_request(
			$this->base . $path,
			array(
				'method'      => $method,
				'headers'     => $headers,
				'body'        => $body,
				'timeout'     => $timeout,
				'redirection' => 0,
			)
		);
		if ( null !== $limit ) {
			remove_action( 'http_api_curl', $limit );
		}
		if ( is_wp_error( $response ) ) {
			return new WP_Error( 'triad_unreachable', sprintf( 'Triad could not be reached at %s: %s', $this->base, $response->get_error_message() ) );
		}
		$status  = (int) wp_remote_retrieve_response_code( $response );
		$decoded = json_decode( wp_remote_retrieve_body( $response ), true );
		if ( $status < 200 || $status >= 300 ) {
			$detail = is_array( $decoded ) && isset( $decoded['detail'] ) ? $decoded['detail'] : wp_remote_retrieve_response_message( $response );
			return new WP_Error( 'triad_refused', sprintf( 'Triad answered %d: %s', $status, $detail ), array( 'status' => $status, 'problem' => $decoded ) );
		}
		return array(
			'status' => $status,
			'body'   => $decoded,
		);
	}
}
