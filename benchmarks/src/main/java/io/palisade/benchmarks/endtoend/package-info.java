/** The end-to-end A/B comparison: the sample run twice, protected and not, under the same load. */
package io.palisade.benchmarks.endtoend;
