/** The interceptors module's log messages, with their ids, in one place. */
package io.palisade.interceptor.log;
