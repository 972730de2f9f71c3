/**
 * A naming service: {@link io.paddock.recipes.naming.NamingService} binds names to data or
 * endpoints, resolves, lists and unbinds them, allocates unique names, and watches a name.
 */
package io.paddock.recipes.naming;
