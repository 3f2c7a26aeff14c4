/**
 * The portable CDI extension that instruments an application at deployment.
 */
package io.palisade.cdi;
