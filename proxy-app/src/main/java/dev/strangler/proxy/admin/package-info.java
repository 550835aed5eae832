/**
 * The proxy's admin surface, on the management port only: the migration summary with live figures,
 * the explain endpoint, the emergency switch, readiness on the rules, and the basic authentication
 * that guards them.
 */
package dev.strangler.proxy.admin;
