package org.lantian.rules.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;

import org.jspecify.annotations.Nullable;

/**
 * The values of one subject in a sliding time window, kept in time order with their exact
 * sum, minimum and maximum, so that a reading costs O(1) amortised however many values
 * the window holds. The minimum and maximum are monotonic queues (each value enters and
 * leaves them once); a value older than the newest one is inserted in its place and the
 * queues are rebuilt, which late data makes rare.
 */
final class SlidingWindow {

	private final ArrayDeque<Point> points = new ArrayDeque<>();

	/** Candidates for the maximum: values strictly decreasing, in time order. */
	private final ArrayDeque<Point> maxima = new ArrayDeque<>();

	/** Candidates for the minimum: values strictly increasing, in time order. */
	private final ArrayDeque<Point> minima = new ArrayDeque<>();

	private BigDecimal sum = BigDecimal.ZERO;

	/** Adds a value; a value older than the newest one goes to its place in time. */
	void add(Instant at, BigDecimal value) {
		Point point = new Point(at, value);
		this.sum = this.sum.add(value);
		Point newest = this.points.peekLast();
		if (newest == null || !at.isBefore(newest.at())) {
			this.points.addLast(point);
			enter(point);
			return;
		}
		ArrayDeque<Point> later = new ArrayDeque<>();
		while (!this.points.isEmpty() && this.points.peekLast().at().isAfter(at)) {
			later.push(this.points.pollLast());
		}
		this.points.addLast(point);
		this.points.addAll(later);
		this.maxima.clear();
		this.minima.clear();
		this.points.forEach(this::enter);
	}

	/**
	 * Drops the values before {@code start}, and the value at {@code start} too when
	 * {@code inclusive}.
	 */
	void dropUntil(Instant start, boolean inclusive) {
		while (!this.points.isEmpty()) {
			Point oldest = this.points.peekFirst();
			boolean expired = inclusive ? !oldest.at().isAfter(start) : oldest.at().isBefore(start);
			if (!expired) {
				return;
			}
			dropOldest();
		}
	}

	/** Drops the oldest value (none when empty). */
	void dropOldest() {
		Point oldest = this.points.pollFirst();
		if (oldest == null) {
			return;
		}
		this.sum = this.sum.subtract(oldest.value());
		if (this.maxima.peekFirst() == oldest) {
			this.maxima.pollFirst();
		}
		if (this.minima.peekFirst() == oldest) {
			this.minima.pollFirst();
		}
	}

	private void enter(Point point) {
		while (!this.maxima.isEmpty() && this.maxima.peekLast().value().compareTo(point.value()) <= 0) {
			this.maxima.pollLast();
		}
		this.maxima.addLast(point);
		while (!this.minima.isEmpty() && this.minima.peekLast().value().compareTo(point.value()) >= 0) {
			this.minima.pollLast();
		}
		this.minima.addLast(point);
	}

	int size() {
		return this.points.size();
	}

	boolean isEmpty() {
		return this.points.isEmpty();
	}

	/** The exact sum of the values in the window. */
	BigDecimal sum() {
		return this.sum;
	}

	@Nullable BigDecimal max() {
		Point max = this.maxima.peekFirst();
		return (max != null) ? max.value() : null;
	}

	@Nullable BigDecimal min() {
		Point min = this.minima.peekFirst();
		return (min != null) ? min.value() : null;
	}

	/** The time of the newest value, or null when empty. */
	@Nullable Instant newest() {
		Point newest = this.points.peekLast();
		return (newest != null) ? newest.at() : null;
	}

	private record Point(Instant at, BigDecimal value) {
	}

}
