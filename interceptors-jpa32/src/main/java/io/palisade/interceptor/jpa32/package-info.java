/**
 * The Jakarta Persistence 3.2 additions to the entity manager delegates (typed query references,
 * {@code runInTransaction}/{@code callInTransaction}), loaded only where the 3.2 API is present.
 */
package io.palisade.interceptor.jpa32;
