/** Naming service example: bind, resolve, watch and rebind names; allocate unique names. */
package io.paddock.examples.naming;
