/** Group membership example: members join, change their data and leave while a monitor watches. */
package io.paddock.examples.group;
