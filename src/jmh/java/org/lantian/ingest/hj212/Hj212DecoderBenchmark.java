package org.lantian.ingest.hj212;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What decoding costs per HJ 212 frame: a typical ambient 2011 real-time frame of six
 * pollutants and met values (about 400 bytes), with and without reading its data area.
 * <p>
 * {@code mvn -Pjmh -DskipTests package}, then run {@code org.openjdk.jmh.Main Hj212DecoderBenchmark} with the test
 * class path (see {@code bench/}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Hj212DecoderBenchmark {

	private final Hj212Decoder decoder = new Hj212Decoder();

	private String frame;

	@Setup
	public void setUp() {
		Hj212Frame typical = new Hj212Frame("20260115080000123", "22", "2011", "123456", "150203A1B2C3D4E5F6A7B8C9", 5,
				null, null,
				"DataTime=20260115080000;a34004-Rtd=135.2,a34004-Flag=N;a34002-Rtd=180.0,a34002-Flag=N;"
						+ "a21026-Rtd=20,a21026-Flag=N;a21004-Rtd=55,a21004-Flag=N;a21005-Rtd=1.2,a21005-Flag=N;"
						+ "a05024-Rtd=12,a05024-Flag=N;a01001-Rtd=-8.4,a01001-Flag=N;a01002-Rtd=46.8,a01002-Flag=N;"
						+ "a01006-Rtd=101.380,a01006-Flag=N;a01007-Rtd=2.1,a01007-Flag=N;a01008-Rtd=270,a01008-Flag=N");
		this.frame = new Hj212Encoder().encode(typical);
		if (!this.decoder.decode(this.frame).equals(typical)) {
			throw new IllegalStateException("benchmark frame does not round-trip");
		}
	}

	@Benchmark
	public Hj212Frame decode() {
		return this.decoder.decode(this.frame);
	}

	@Benchmark
	public Hj212DataArea decodeWithDataArea() {
		return this.decoder.decode(this.frame).dataArea();
	}

}
