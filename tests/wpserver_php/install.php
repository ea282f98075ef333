<?php
/**
 * Install WordPress with its accounts and categories from the PHP command line.
 *
 * Usage: php install.php < request.json
 *
 * The request is a JSON object with the keys wordpress_dir, base_url, title,
 * accounts, categories and plugins. Each account has role, username,
 * password, email, display_name, first_name and last_name, and the first
 * account must be the administrator. Each category has name and slug, and
 * plugins are plugin files relative to the plugins directory.
 *
 * The result, written to standard output as JSON, maps each role to its user
 * id and application password, and each category name to its term id. Any
 * failure exits with status 1 and a message on standard error.
 */

function fail( string $message ): never {
	fwrite( STDERR, "install.php: $message\n" );
	exit( 1 );
}

function fail_on_error( mixed $result, string $step ): mixed {
	if ( is_wp_error( $result ) ) {
		fail( "$step failed: " . $result->get_error_message() );
	}
	return $result;
}

$request = json_decode( stream_get_contents( STDIN ), true, 512, JSON_THROW_ON_ERROR );

// WordPress builds its URLs and cookies from the request, which a command
// line run does not have.
$site_url                  = parse_url( $request['base_url'] );
$_SERVER['HTTP_HOST']      = $site_url['host'] . ':' . $site_url['port'];
$_SERVER['SERVER_NAME']    = $site_url['host'];
$_SERVER['SERVER_PORT']    = $site_url['port'];
$_SERVER['REQUEST_URI']    = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';

define( 'WP_INSTALLING', true );
require $request['wordpress_dir'] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$accounts = $request['accounts'];
$admin    = $accounts[0];
if ( 'administrator' !== $admin['role'] ) {
	fail( 'the first account must have the administrator role, not ' . $admin['role'] );
}

$installed = wp_install( $request['title'], $admin['username'], $admin['email'], false, '', $admin['password'] );
if ( empty( $installed['user_id'] ) ) {
	fail( 'wp_install() created no administrator' );
}

// wp_install() leaves a sample post, a sample page, a privacy policy draft
// and a comment. Tests start from an empty site.
global $wpdb;
foreach ( $wpdb->get_col( "SELECT ID FROM $wpdb->posts" ) as $post_id ) {
	wp_delete_post( (int) $post_id, true );
}
update_option( 'wp_page_for_privacy_policy', 0 );

update_option( 'timezone_string', 'Asia/Ho_Chi_Minh' );
update_option( 'date_format', 'd/m/Y' );
update_option( 'time_format', 'H:i' );
update_option( 'start_of_week', 1 );

global $wp_rewrite;
$wp_rewrite->set_permalink_structure( '/%year%/%monthnum%/%postname%/' );
$wp_rewrite->flush_rules( false );

$result = array(
	'accounts'   => array(),
	'categories' => array(),
);

foreach ( $accounts as $index => $account ) {
	$profile = array(
		'user_login'   => $account['username'],
		'user_pass'    => $account['password'],
		'user_email'   => $account['email'],
		'display_name' => $account['display_name'],
		'nickname'     => $account['display_name'],
		'first_name'   => $account['first_name'],
		'last_name'    => $account['last_name'],
		'role'         => $account['role'],
	);
	if ( 0 === $index ) {
		$profile['ID'] = $installed['user_id'];
		unset( $profile['user_pass'] );
		$user_id = fail_on_error( wp_update_user( wp_slash( $profile ) ), "updating user {$account['username']}" );
	} else {
		$user_id = fail_on_error( wp_insert_user( wp_slash( $profile ) ), "creating user {$account['username']}" );
	}

	$created = fail_on_error(
		WP_Application_Passwords::create_new_application_password( $user_id, array( 'name' => 'TinXa tests' ) ),
		"creating the application password of {$account['username']}"
	);

	$result['accounts'][ $account['role'] ] = array(
		'user_id'              => $user_id,
		'application_password' => $created[0],
	);
}

foreach ( $request['categories'] as $category ) {
	$term = fail_on_error(
		wp_insert_term( $category['name'], 'category', array( 'slug' => $category['slug'] ) ),
		"creating category {$category['name']}"
	);
	$result['categories'][ $category['name'] ] = $term['term_id'];
}

foreach ( $request['plugins'] as $plugin ) {
	fail_on_error( activate_plugin( $plugin ), "activating plugin $plugin" );
}

echo json_encode( $result, JSON_UNESCAPED_UNICODE ), "\n";
