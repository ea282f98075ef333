<?php
/**
 * Plugin Name: TinXa test site
 * Description: Settings for a throwaway WordPress that tests and demos run against. Never install it on a real site.
 * License: GPL-2.0-or-later
 */

// The test machine has no mail server, and a test site must never send mail.
// Returning true makes callers such as wp_install() treat the mail as sent.
add_filter( 'pre_wp_mail', '__return_true' );

// PHP's built-in server rewrites every path through the router script, so
// WordPress should offer pretty permalinks without an index.php prefix.
add_filter( 'got_url_rewrite', '__return_true' );
