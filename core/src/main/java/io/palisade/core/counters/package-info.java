/**
 * The agent's health counters (requests seen and blocked, events dropped, breaker trips, rule-pack
 * rejections, budget overruns): incremented on request threads without locks, read by the reporter.
 * Depends on nothing else of the agent.
 */
package io.palisade.core.counters;
