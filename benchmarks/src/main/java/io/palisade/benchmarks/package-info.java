/** JMH benchmarks of the hot paths (hook points, SQL check, counters, reporter hand-off) and their fakes. */
package io.palisade.benchmarks;
