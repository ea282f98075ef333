<?php
/**
 * Plugin Name:       TinXa Companion
 * Description:       Lets the TinXa desktop client tag posts and media with its own UUIDs, find them again by UUID, and store an article's review state.
 * Version:           1.0
 * Requires at least: 5.5
 * Tested up to:      6.1
 * Requires PHP:      7.4
 * Author:            TinXa
 * License:           GPL-3.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-3.0.html
 * Text Domain:       tinxa-companion
 *
 * REST additions:
 * - meta tinxa_uuid on posts and attachments: the UUID that the client gave
 *   the item, so that a create whose response was lost can be looked up
 *   instead of being sent twice;
 * - meta tinxa_state and tinxa_review_note on posts: the article's review
 *   state and the reviewer's note;
 * - a client_uuid parameter on /wp/v2/posts and /wp/v2/media that filters by
 *   tinxa_uuid;
 * - GET /wp-json/tinxa/v1/info, which tells the client that the plugin is
 *   active and which version it is;
 * - a create of a post or media item whose tinxa_uuid exists already is
 *   refused with 409 tinxa_duplicate and the existing item's id, and two
 *   creates with one UUID run one after the other, so a retried create can
 *   never make a second copy.
 */

defined( 'ABSPATH' ) || exit;

const TINXA_COMPANION_VERSION = '1.0';

// A UUID in the 8-4-4-4-12 hexadecimal form, of any version. Values are
// stored in lower case, and lookups are made in lower case.
const TINXA_COMPANION_UUID_PATTERN = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

// Maximum number of UUIDs in one client_uuid lookup, the same as the
// maximum per_page of a collection.
const TINXA_COMPANION_MAX_UUIDS_PER_QUERY = 100;

add_action( 'init', 'tinxa_companion_register_meta' );
add_action( 'rest_api_init', 'tinxa_companion_register_routes' );

foreach ( array( 'post', 'attachment' ) as $tinxa_companion_post_type ) {
	add_filter( "rest_{$tinxa_companion_post_type}_collection_params", 'tinxa_companion_add_client_uuid_param' );
	add_filter( "rest_{$tinxa_companion_post_type}_query", 'tinxa_companion_filter_by_client_uuid', 10, 2 );
}
unset( $tinxa_companion_post_type );

/**
 * Registers the TinXa post meta and shows it in the REST API.
 */
function tinxa_companion_register_meta() {
	$uuid_meta = array(
		'type'              => 'string',
		'description'       => 'UUID that the TinXa client gave this item, or an empty string.',
		'single'            => true,
		'default'           => '',
		'sanitize_callback' => 'tinxa_companion_sanitize_uuid',
		'auth_callback'     => 'tinxa_companion_user_can_edit_post',
		'show_in_rest'      => array(
			'schema' => array(
				// The empty alternative lets a client send back the value that
				// it read from an item that has no UUID.
				'pattern' => '^(' . TINXA_COMPANION_UUID_PATTERN . ')?$',
			),
		),
	);
	register_post_meta( 'post', 'tinxa_uuid', $uuid_meta );
	register_post_meta( 'attachment', 'tinxa_uuid', $uuid_meta );

	// NOTE: any user who may edit the post may set any state. WordPress
	// itself still keeps a contributor from publishing, whatever the state.
	register_post_meta(
		'post',
		'tinxa_state',
		array(
			'type'          => 'string',
			'description'   => 'Review state that TinXa keeps for the article, such as in_review or returned.',
			'single'        => true,
			'default'       => '',
			'auth_callback' => 'tinxa_companion_user_can_edit_post',
			'show_in_rest'  => array(
				'schema' => array(
					'pattern'   => '^[a-z0-9_-]*$',
					'maxLength' => 40,
				),
			),
		)
	);

	register_post_meta(
		'post',
		'tinxa_review_note',
		array(
			'type'              => 'string',
			'description'       => 'Plain-text note from the reviewer to the writer of the article.',
			'single'            => true,
			'default'           => '',
			'sanitize_callback' => 'tinxa_companion_sanitize_plain_text',
			'auth_callback'     => 'tinxa_companion_user_can_edit_post',
			'show_in_rest'      => true,
		)
	);
}

/**
 * Returns whether the user may write TinXa meta on the post: only when the
 * user may edit the post itself.
 *
 * Hooked as a meta auth_callback, which receives the meta key and the ids.
 *
 * @param bool   $allowed  Whether WordPress would allow the write.
 * @param string $meta_key Meta key being written.
 * @param int    $post_id  Post or attachment id.
 * @param int    $user_id  User who writes.
 * @return bool
 */
function tinxa_companion_user_can_edit_post( $allowed, $meta_key, $post_id, $user_id ) {
	return user_can( $user_id, 'edit_post', $post_id );
}

/**
 * Converts a UUID to lower case, so that lookups do not depend on the case the
 * client sent. The REST schema has already rejected anything else.
 *
 * @param mixed $value Meta value.
 * @return string
 */
function tinxa_companion_sanitize_uuid( $value ) {
	return strtolower( trim( (string) $value ) );
}

/**
 * Removes invalid UTF-8 and control characters other than tab and newline
 * from a note, and keeps everything else as typed.
 *
 * sanitize_textarea_field() is not used because it changes what the
 * reviewer wrote: it strips tags, turns "<5%" into "&lt;5%" and deletes
 * anything that looks like a percent-encoded byte, such as "%ab". The client
 * shows the note as plain text.
 *
 * @param mixed $value Meta value.
 * @return string
 */
function tinxa_companion_sanitize_plain_text( $value ) {
	$text = wp_check_invalid_utf8( (string) $value, true );
	$text = str_replace( array( "\r\n", "\r" ), "\n", $text );
	return preg_replace( '/[\x00-\x08\x0B-\x1F\x7F]/', '', $text );
}

/**
 * Adds the client_uuid parameter to a posts or media collection.
 *
 * @param array $params Collection parameters.
 * @return array
 */
function tinxa_companion_add_client_uuid_param( $params ) {
	$params['client_uuid'] = array(
		'description' => 'Limit the result to items whose tinxa_uuid is one of these UUIDs.',
		'type'        => 'array',
		'items'       => array(
			'type'    => 'string',
			'pattern' => '^' . TINXA_COMPANION_UUID_PATTERN . '$',
		),
		'maxItems'    => TINXA_COMPANION_MAX_UUIDS_PER_QUERY,
	);
	return $params;
}

/**
 * Adds a tinxa_uuid condition to the WP_Query of a collection request that
 * has a client_uuid parameter.
 *
 * The other parameters, status=any among them, still apply, and WordPress
 * still leaves out the items that the user may not read.
 *
 * @param array           $args    WP_Query arguments.
 * @param WP_REST_Request $request Collection request.
 * @return array
 */
function tinxa_companion_filter_by_client_uuid( $args, $request ) {
	if ( empty( $request['client_uuid'] ) ) {
		return $args;
	}

	if ( ! isset( $args['meta_query'] ) || ! is_array( $args['meta_query'] ) ) {
		$args['meta_query'] = array();
	}
	$args['meta_query'][] = array(
		'key'     => 'tinxa_uuid',
		'value'   => array_map( 'strtolower', $request['client_uuid'] ),
		'compare' => 'IN',
	);
	return $args;
}

/**
 * Registers GET /tinxa/v1/info.
 */
function tinxa_companion_register_routes() {
	register_rest_route(
		'tinxa/v1',
		'/info',
		array(
			'methods'             => WP_REST_Server::READABLE,
			'callback'            => 'tinxa_companion_get_info',
			'permission_callback' => '__return_true',
		)
	);
}

/**
 * Returns the plugin's name and version.
 *
 * @return array
 */
function tinxa_companion_get_info() {
	return array(
		'plugin'               => 'tinxa-companion',
		'version'              => TINXA_COMPANION_VERSION,
		// Lets the client tell a proxy that drops the Authorization header
		// from a wrong password: WordPress returns 401 for both.
		'auth_header_received' => tinxa_companion_has_auth_header(),
		'user_id'              => get_current_user_id(),
	);
}

/**
 * Tells whether the request carried HTTP authentication, in any of the
 * server variables PHP and common web servers put it in.
 *
 * @return bool
 */
function tinxa_companion_has_auth_header() {
	foreach ( array( 'HTTP_AUTHORIZATION', 'REDIRECT_HTTP_AUTHORIZATION', 'PHP_AUTH_USER' ) as $name ) {
		if ( ! empty( $_SERVER[ $name ] ) ) {
			return true;
		}
	}
	return false;
}

add_action( 'rest_api_init', 'tinxa_companion_register_edit_lock_field' );

/**
 * Adds the read-only field tinxa_edit_lock to posts in the edit context: who
 * has the wp-admin edit lock, or null, so the client does not overwrite a
 * post another user is editing on the web.
 */
function tinxa_companion_register_edit_lock_field() {
	register_rest_field(
		'post',
		'tinxa_edit_lock',
		array(
			'get_callback' => 'tinxa_companion_get_edit_lock',
			'schema'       => array(
				'type'     => array( 'object', 'null' ),
				'context'  => array( 'edit' ),
				'readonly' => true,
			),
		)
	);
}

/**
 * Returns the user holding the post's edit lock, other than the current user.
 *
 * @param array $post The post as prepared for the response.
 * @return array|null
 */
function tinxa_companion_get_edit_lock( $post ) {
	require_once ABSPATH . 'wp-admin/includes/post.php';
	$holder = wp_check_post_lock( $post['id'] );
	if ( ! $holder ) {
		return null;
	}
	$user = get_userdata( $holder );
	return array(
		'user_id' => (int) $holder,
		'name'    => $user ? $user->display_name : '',
	);
}

add_filter( 'rest_pre_dispatch', 'tinxa_companion_refuse_duplicate_create', 10, 3 );

/**
 * Refuses a create whose client UUID is taken, before WordPress handles it.
 *
 * A client that timed out may send a create again while the first is still
 * running on the server, or after it finished. The named database lock makes
 * the second request wait until the first request's connection closes, by
 * which time its post and meta are stored, so the lookup below finds it.
 *
 * @param mixed           $result  A response already made by another filter.
 * @param WP_REST_Server  $server  The REST server.
 * @param WP_REST_Request $request The request.
 * @return mixed The result unchanged, or a 409 error naming the existing id.
 */
function tinxa_companion_refuse_duplicate_create( $result, $server, $request ) {
	if ( null !== $result || 'POST' !== $request->get_method() ) {
		return $result;
	}
	$post_types = array(
		'/wp/v2/posts' => 'post',
		'/wp/v2/media' => 'attachment',
	);
	$route      = $request->get_route();
	if ( ! isset( $post_types[ $route ] ) ) {
		return $result;
	}
	$meta = $request->get_param( 'meta' );
	$uuid = is_array( $meta ) && isset( $meta['tinxa_uuid'] ) ? strtolower( (string) $meta['tinxa_uuid'] ) : '';
	if ( ! preg_match( '/^' . TINXA_COMPANION_UUID_PATTERN . '$/', $uuid ) ) {
		return $result;
	}

	global $wpdb;
	// Released when this request's database connection closes.
	$wpdb->get_var( $wpdb->prepare( 'SELECT GET_LOCK(%s, 60)', 'tinxa-' . $uuid ) );
	$existing = get_posts(
		array(
			'post_type'        => $post_types[ $route ],
			'post_status'      => 'attachment' === $post_types[ $route ] ? 'inherit' : 'any',
			'meta_key'         => 'tinxa_uuid', // phpcs:ignore WordPress.DB.SlowDBQuery
			'meta_value'       => $uuid, // phpcs:ignore WordPress.DB.SlowDBQuery
			'fields'           => 'ids',
			'numberposts'      => 1,
			'suppress_filters' => true,
		)
	);
	if ( $existing ) {
		return new WP_Error(
			'tinxa_duplicate',
			'An item with this client UUID exists already.',
			array(
				'status' => 409,
				'id'     => (int) $existing[0],
			)
		);
	}
	return $result;
}
