<?php
/**
 * Router for PHP's built-in web server in front of a WordPress test site.
 *
 * Existing files and directories under the document root are served by the
 * built-in server itself, PHP scripts included. Every other path goes to
 * WordPress's index.php, which is what a rewrite rule does on Apache, so both
 * pretty permalinks (/wp-json/...) and /?rest_route=... work.
 */

$document_root = realpath( $_SERVER['DOCUMENT_ROOT'] );
$path          = rawurldecode( parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) ?? '/' );
$target        = realpath( $document_root . $path );
$inside_root   = false !== $target
	&& ( $target === $document_root || str_starts_with( $target, $document_root . '/' ) );

if ( $inside_root && is_dir( $target ) && ! str_ends_with( $path, '/' ) ) {
	// wp-admin's relative links need the trailing slash, and the built-in
	// server does not add it the way Apache's mod_dir does.
	$query = parse_url( $_SERVER['REQUEST_URI'], PHP_URL_QUERY );
	header( 'Location: ' . $path . '/' . ( null === $query ? '' : '?' . $query ), true, 301 );
	return true;
}

if ( $inside_root && ( is_file( $target ) || is_dir( $target ) ) && '/' !== $path ) {
	return false;
}

$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $document_root . '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
chdir( $document_root );
require $document_root . '/index.php';
