/*! Triad for WooCommerce — offers in the Cart block. No build step: WordPress's own wp.element. */
( function ( wp, wc ) {
	'use strict';

	var el = wp.element.createElement;
	var useEffect = wp.element.useEffect;
	var useState = wp.element.useState;
	var settings = wc.wcSettings.getSetting( 'triad-offers_data', {} );
	var checkout = wc.blocksCheckout;
	var nonce = settings.nonce;
	var parents = {};

	if ( ! settings.shop || ! settings.key || ! checkout || ! checkout.ExperimentalOrderMeta ) return;

	/** POST to the Store API with its Nonce; each answer's Nonce header is the next one. */
	function storeApi( route, body ) {
		return fetch( settings.storeApi + route, {
			method: 'POST',
			credentials: 'same-origin',
			headers: { 'Content-Type': 'application/json', Nonce: nonce },
			body: JSON.stringify( body )
		} ).then( function ( response ) {
			nonce = response.headers.get( 'Nonce' ) || nonce;
			if ( ! response.ok ) throw new Error( 'Store API ' + route + ' answered ' + response.status );
			return response.json();
		} );
	}

	/** A cart item's product: a variation's parent, from the Store API once per variation. */
	function productOf( item ) {
		if ( ! item.variation || ! item.variation.length ) return Promise.resolve( String( item.id ) );
		if ( parents[ item.id ] ) return Promise.resolve( parents[ item.id ] );
		return fetch( settings.storeApi + 'products/' + item.id, { credentials: 'same-origin' } )
			.then( function ( r ) { return r.json(); } )
			.then( function ( product ) {
				parents[ item.id ] = String( product.parent || item.id );
				return parents[ item.id ];
			}, function () { return String( item.id ); } );
	}

	function money( minor, digits ) {
		return ( Number( minor ) / Math.pow( 10, digits ) ).toFixed( digits );
	}

	function session() {
		var match = document.cookie.match( /(?:^|; )triad_session=([^;]+)/ );
		if ( match ) return match[ 1 ];
		var id = 's-' + Math.random().toString( 36 ).slice( 2 ) + Date.now().toString( 36 );
		document.cookie = 'triad_session=' + id + '; path=/; max-age=' + 7 * 24 * 3600 + '; SameSite=Lax' +
			( location.protocol === 'https:' ? '; Secure' : '' );
		return id;
	}

	/** Triad's offers for the block's cart within the time budget; none when Triad is slow or down. */
	function ask( cart ) {
		var totals = cart.cartTotals || {};
		var digits = totals.currency_minor_unit || 2;
		return Promise.all( cart.cartItems.map( productOf ) ).then( function ( products ) {
			var controller = new AbortController();
			var timer = setTimeout( function () { controller.abort(); }, settings.timeout || 300 );
			var body = {
				placement: 'cart',
				currency: totals.currency_code,
				sessionId: session(),
				customerId: settings.customer || null,
				cart: cart.cartItems.map( function ( item, i ) {
					var line = { productId: products[ i ], quantity: item.quantity,
						price: money( item.prices.price, item.prices.currency_minor_unit || digits ) };
					if ( products[ i ] !== String( item.id ) ) line.variantId = String( item.id );
					return line;
				} )
			};
			return fetch( settings.endpoint + '/v1/shops/' + encodeURIComponent( settings.shop ) + '/offers', {
				method: 'POST',
				mode: 'cors',
				signal: controller.signal,
				headers: { 'Content-Type': 'application/json', 'X-Triad-Key': settings.key },
				body: JSON.stringify( body )
			} ).then( function ( r ) { clearTimeout( timer ); return r.ok ? r.json() : { offers: [] }; } );
		} ).then( function ( answer ) { return answer.offers || []; }, function () { return []; } );
	}

	/** Adds the offer's items through the Store API, then its token (if any) through the extension update. */
	function add( offer ) {
		var items = offer.items || [ offer ];
		return items.reduce( function ( previous, item ) {
			return previous.then( function () {
				return storeApi( 'cart/add-item', { id: Number( item.variantId || item.productId ), quantity: 1 } );
			} );
		}, Promise.resolve() ).then( function () {
			// extensionCartUpdate also refreshes the block's cart from the answer.
			return checkout.extensionCartUpdate( { namespace: settings.namespace, data: offer.token ? { token: offer.token } : {} } );
		} );
	}

	function Card( props ) {
		var offer = props.offer;
		var state = useState( 'idle' );
		var items = offer.items || [ offer ];
		var title = items.map( function ( i ) { return i.title; } ).join( ' + ' );
		return el( 'li', { className: 'triad-offer triad-' + offer.kind + ( offer.recommended ? ' triad-recommended' : '' ) },
			items[ 0 ].image ? el( 'img', { src: items[ 0 ].image, alt: '' } ) : el( 'span' ),
			el( 'span', null,
				el( 'strong', { className: 'triad-title' }, title ), ' ',
				el( 'span', { className: 'triad-extra' }, '+' + offer.extra + ' ' + props.currency ),
				offer.discountPercent ? el( 'span', { className: 'triad-save' }, ' ' + settings.save.replace( '%d', offer.discountPercent ).replace( '%%', '%' ) ) : null ),
			el( 'button', {
				type: 'button',
				className: 'wc-block-components-button',
				disabled: state[ 0 ] !== 'idle',
				onClick: function () {
					state[ 1 ]( 'adding' );
					add( offer ).then( function () { state[ 1 ]( 'added' ); }, function () { state[ 1 ]( 'idle' ); } );
				}
			}, state[ 0 ] === 'added' ? settings.added + ' ✓' : settings.add ) );
	}

	function Offers( props ) {
		var cart = props.cart;
		var shown = useState( [] );
		var signature = cart.cartItems.map( function ( i ) { return i.key + ':' + i.quantity; } ).join( ',' );
		useEffect( function () {
			var live = true;
			if ( ! cart.cartItems.length ) { shown[ 1 ]( [] ); return undefined; }
			ask( cart ).then( function ( offers ) { if ( live ) shown[ 1 ]( offers ); } );
			return function () { live = false; };
		}, [ signature ] );
		if ( ! shown[ 0 ].length ) return null;
		return el( 'section', { className: 'triad-cart-offers', 'aria-label': settings.heading },
			el( 'h3', null, settings.heading ),
			el( 'ul', null, shown[ 0 ].map( function ( offer ) {
				return el( Card, { key: offer.tier, offer: offer, currency: ( cart.cartTotals || {} ).currency_code } );
			} ) ) );
	}

	wp.plugins.registerPlugin( 'triad-offers', {
		scope: 'woocommerce-checkout',
		render: function () {
			return el( checkout.ExperimentalOrderMeta, null, el( Offers, null ) );
		}
	} );
}( window.wp, window.wc ) );
