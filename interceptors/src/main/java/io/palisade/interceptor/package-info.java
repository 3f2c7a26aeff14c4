/**
 * The interceptor binding and the one interceptor the extension installs on hooked methods.
 */
package io.palisade.interceptor;
