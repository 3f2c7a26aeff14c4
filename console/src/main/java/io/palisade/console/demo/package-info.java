/** {@code mvn -Pdemo}: starts the console and the sample, provisioned to report to it. */
package io.palisade.console.demo;
