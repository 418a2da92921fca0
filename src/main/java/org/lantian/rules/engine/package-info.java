/**
 * The engine: listens to ingest and air-quality events, hands them to per-site ordered
 * lanes, feeds the evaluators that apply, publishes their condition changes, ticks
 * timers, reloads the rules file when it changes and rebuilds rule state from storage at
 * start.
 */
@NullMarked
package org.lantian.rules.engine;

import org.jspecify.annotations.NullMarked;
