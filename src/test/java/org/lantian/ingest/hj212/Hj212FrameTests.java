package org.lantian.ingest.hj212;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class Hj212FrameTests {

	@ParameterizedTest(name = "Flag={0} → version {1}, split {2}, reply {3}")
	@CsvSource(textBlock = """
			# 表3: bits V5…V0 D A; STANDARDS §3.3 table of Flag values seen in practice
			0, 0, false, false
			1, 0, false, true
			4, 1, false, false
			5, 1, false, true
			6, 1, true,  false
			7, 1, true,  true
			# HJ 212-2025 per caoyiliang/HJ212 (version bits 000010)
			8, 2, false, false
			9, 2, false, true
			""")
	void readsTheFlagBits(int flag, int version, boolean split, boolean reply) {
		Hj212Frame frame = new Hj212Frame("1", "22", "2011", "123456", "NM1", flag, split ? 2 : null, split ? 1 : null,
				"");

		assertThat(frame.version()).isEqualTo(version);
		assertThat(frame.split()).isEqualTo(split);
		assertThat(frame.replyRequested()).isEqualTo(reply);
	}

	@Test
	void treatsAMissingFlagAs2005WithoutReply() {
		Hj212Frame frame = new Hj212Frame(null, "32", "2011", "123456", "LD130133000015", null, null, null, "");

		assertThat(frame.version()).isZero();
		assertThat(frame.replyRequested()).isFalse();
		assertThat(frame.split()).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					QN is not 1-20 digits: '2016-08-01'          | 2016-08-01 | 22  | 2011  | 123456 | NM1 | 4   |   |   | ''
					ST is not 2 characters 0-9 or A-Z: '2'       | 1          | 2   | 2011  | 123456 | NM1 | 4   |   |   | ''
					CN is not 4 digits: '201'                    | 1          | 22  | 201   | 123456 | NM1 | 4   |   |   | ''
					PW contains ';': '12;456'                    | 1          | 22  | 2011  | 12;456 | NM1 | 4   |   |   | ''
					MN is empty                                  | 1          | 22  | 2011  | 123456 | ''  | 4   |   |   | ''
					Flag is not 0-255: 256                       | 1          | 22  | 2011  | 123456 | NM1 | 256 |   |   | ''
					PNUM and PNO come together: PNUM=2, PNO=null | 1          | 22  | 2011  | 123456 | NM1 |     | 2 |   | ''
					PNO is not 1..PNUM: PNUM=2, PNO=3            | 1          | 22  | 2011  | 123456 | NM1 |     | 2 | 3 | ''
					Flag=6 D bit disagrees with no PNUM/PNO      | 1          | 22  | 2011  | 123456 | NM1 | 6   |   |   | ''
					Flag=4 D bit disagrees with PNUM/PNO present | 1          | 22  | 2011  | 123456 | NM1 | 4   | 2 | 1 | ''
					CP contains '&&'                             | 1          | 22  | 2011  | 123456 | NM1 | 4   |   |   | a=1&&b=2
					CP is not a data area                        | 1          | 22  | 2011  | 123456 | NM1 | 4   |   |   | RtdInterval
					""")
	void refusesImpossibleValuesNamingThem(String message, String qn, String st, String cn, String pw, String mn,
			Integer flag, Integer pnum, Integer pno, String cp) {
		assertThatIllegalArgumentException().isThrownBy(() -> new Hj212Frame(qn, st, cn, pw, mn, flag, pnum, pno, cp))
			.withMessageContaining(message);
	}

}
