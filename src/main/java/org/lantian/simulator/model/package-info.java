/**
 * Models of what monitoring points measure: ambient stations and stacks, with the
 * scenario's events.
 */
@NullMarked
package org.lantian.simulator.model;

import org.jspecify.annotations.NullMarked;
