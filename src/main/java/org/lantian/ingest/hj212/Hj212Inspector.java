package org.lantian.ingest.hj212;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.lantian.domain.Enterprise;
import org.lantian.domain.Measurand;
import org.lantian.domain.Measurement;
import org.lantian.domain.Reading;
import org.lantian.domain.Site;
import org.lantian.domain.SiteId;
import org.lantian.domain.SiteKind;
import org.lantian.ingest.ItemRejection;
import org.lantian.ingest.hj212.Hj212FormatException.Reason;
import org.lantian.ingest.hj212.Hj212Inspection.Problem;
import org.lantian.ingest.hj212.Hj212Inspection.Severity;

/**
 * The frame inspector for integrators: unlike {@link Hj212Decoder}, which stops at the
 * first problem, it reads as much of a text as it can and reports every problem, with the
 * character offset where one applies — header, length (and whether the legacy +6
 * convention would match), CRC (received, expected, and the CRC-16/MODBUS some devices
 * send), trailer, the fields of 表3 with the Flag bits, the data area, and the readings
 * the ingest mapping would make. Pure and total: it never throws for any text, never
 * checks the password and never repeats it. Thread-safe.
 * <p>
 * {@link Hj212Inspection#valid()} agrees with the decoder: the text is decoded as well,
 * and a refusal the walk did not report is added as an error.
 */
public final class Hj212Inspector {

	private static final String HEADER = "##";

	private static final String CP_START = "CP=&&";

	private static final String CP_END = "&&";

	/** {@code ##}, 4 length digits and 4 CRC digits (表2), the trailer aside. */
	private static final int ENVELOPE = 10;

	private static final int SEGMENT_START = 6;

	private static final String MASK = "***";

	private static final Set<String> HEADER_FIELDS = Set.of("QN", "ST", "CN", "PW", "MN", "Flag", "PNUM", "PNO");

	private static final Set<String> NUMERIC_SUFFIXES = Set.of("Rtd", "Avg", "Min", "Max", "Cou", "ZsRtd", "ZsAvg",
			"ZsMin", "ZsMax");

	private static final DateTimeFormatter QN_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmssSSS")
		.withResolverStyle(ResolverStyle.STRICT);

	/** ST system codes, 表5 (GB/T 16706-1996), the ones STANDARDS §3.6 lists. */
	private static final Map<String, String> SYSTEMS = Map.ofEntries(Map.entry("21", "地表水质量监测"),
			Map.entry("22", "空气质量监测 (ambient air quality)"), Map.entry("23", "声环境质量监测"), Map.entry("24", "地下水质量监测"),
			Map.entry("25", "土壤质量监测"), Map.entry("26", "海水质量监测"), Map.entry("27", "挥发性有机物监测"),
			Map.entry("31", "大气环境污染源 (stack emissions)"),
			Map.entry("32", "地表水体环境污染源 (wastewater; also seen for flue gas)"), Map.entry("33", "地下水体环境污染源"),
			Map.entry("34", "海洋环境污染源"), Map.entry("35", "土壤环境污染源"), Map.entry("36", "声环境污染源"),
			Map.entry("37", "振动环境污染源"), Map.entry("38", "放射性环境污染源"), Map.entry("39", "工地扬尘污染源"),
			Map.entry("41", "电磁环境污染源"), Map.entry("51", "烟气排放过程监控"), Map.entry("52", "污水排放过程监控"),
			Map.entry("91", "系统交互 (system interaction, replies)"));

	/** CN command codes, 表9 (STANDARDS §3.7), and 9015 of HJ 212-2025. */
	private static final Map<String, String> COMMANDS = Map.ofEntries(Map.entry("1000", "设置超时时间及重发次数"),
			Map.entry("1011", "提取/上传现场机时间"), Map.entry("1012", "设置现场机时间"), Map.entry("1013", "现场机时间校准请求"),
			Map.entry("1061", "提取/上传实时数据间隔"), Map.entry("1062", "设置实时数据间隔"), Map.entry("1063", "提取/上传分钟数据间隔"),
			Map.entry("1064", "设置分钟数据间隔"), Map.entry("1072", "设置现场机密码"), Map.entry("2011", "污染物实时数据 (real-time data)"),
			Map.entry("2012", "停止察看实时数据"), Map.entry("2021", "设备运行状态数据"), Map.entry("2022", "停止察看设备运行状态"),
			Map.entry("2031", "污染物日历史数据 (daily data)"), Map.entry("2041", "设备运行时间日历史数据"),
			Map.entry("2051", "污染物分钟数据 (minute data)"), Map.entry("2061", "污染物小时数据 (hourly data)"),
			Map.entry("2081", "上传数采仪开机时间"), Map.entry("3020", "现场机信息"), Map.entry("9011", "请求应答"),
			Map.entry("9012", "执行结果"), Map.entry("9013", "通知应答"), Map.entry("9014", "数据应答 (data reply)"),
			Map.entry("9015", "心跳包 (HJ 212-2025 heartbeat)"));

	private static final String[] VERSIONS = { "HJ/T 212-2005", "HJ 212-2017", "HJ 212-2025" };

	private final Hj212Decoder decoder = new Hj212Decoder();

	private final Hj212ReadingMapper mapper;

	private final ZoneId zone;

	/**
	 * @param zone the zone of the loggers' local {@code DataTime}, as for ingest
	 */
	public Hj212Inspector(ZoneId zone) {
		this.zone = Objects.requireNonNull(zone, "zone");
		this.mapper = new Hj212ReadingMapper(zone);
	}

	/** Inspects a text without a site catalogue. */
	public Hj212Inspection inspect(String text) {
		return new Walk(text, null).run();
	}

	/**
	 * Inspects a text and looks its MN up with {@code siteByMn} (which should return only
	 * sites the caller may see); an MN it does not find is reported as
	 * {@code UNKNOWN_SITE}.
	 */
	public Hj212Inspection inspect(String text, Function<String, Optional<Site>> siteByMn) {
		return new Walk(text, siteByMn).run();
	}

	/** One inspection; not shared between threads. */
	private final class Walk {

		private final String text;

		private final @Nullable Function<String, Optional<Site>> siteByMn;

		private final List<Problem> problems = new ArrayList<>();

		private final Map<String, String> fields = new LinkedHashMap<>();

		private final Map<String, Integer> fieldOffsets = new HashMap<>();

		private final Map<String, Integer> factorOffsets = new HashMap<>();

		/**
		 * The problem codes already reported per factor, so the mapping's are not
		 * repeated.
		 */
		private final Map<String, Set<String>> factorProblems = new HashMap<>();

		private String trailer = "none";

		private Hj212Inspection.@Nullable Length length;

		private Hj212Inspection.@Nullable Crc crc;

		private Hj212Inspection.@Nullable FlagBits flag;

		private Hj212Inspection.@Nullable DataArea dataArea;

		private Hj212Inspection.@Nullable SiteRef siteRef;

		private @Nullable Site site;

		/** The data area's text, if it is delimited as §6.3.3 requires. */
		private @Nullable String cp;

		private final List<Hj212Inspection.ReadingPreview> readings = new ArrayList<>();

		Walk(String text, @Nullable Function<String, Optional<Site>> siteByMn) {
			this.text = text;
			this.siteByMn = siteByMn;
		}

		Hj212Inspection run() {
			int bodyEnd = trailer();
			if (!this.text.startsWith(HEADER)) {
				error(Reason.BAD_HEADER, "the frame does not start with '##' (包头, 表2)", 0);
			}
			if (bodyEnd < ENVELOPE) {
				error(Reason.BAD_LENGTH, "the text has " + bodyEnd + " characters before its trailer; a frame needs at"
						+ " least " + ENVELOPE + " ('##', the 4-digit length and the 4-digit CRC, 表2)", null);
			}
			else {
				String segment = this.text.substring(SEGMENT_START, bodyEnd - 4);
				byte[] bytes = segment.getBytes(StandardCharsets.UTF_8);
				characters(segment);
				length(segment, bytes);
				crc(bytes, bodyEnd);
				segment(segment);
				crossCheckWithDecoder(this.text.substring(0, bodyEnd) + "\r\n");
			}
			boolean valid = this.problems.stream().noneMatch((p) -> p.severity() == Severity.ERROR);
			Map<String, String> shown = new LinkedHashMap<>(this.fields);
			shown.computeIfPresent("PW", (name, value) -> MASK);
			String st = this.fields.get("ST");
			String cn = this.fields.get("CN");
			return new Hj212Inspection(valid, this.trailer, shown, (st != null) ? SYSTEMS.get(st) : null,
					(cn != null) ? COMMANDS.get(cn) : null, this.flag, this.length, this.crc, this.dataArea,
					this.siteRef, this.readings, this.problems);
		}

		/** Where the frame's body ends, and how the text ends. */
		private int trailer() {
			int end = this.text.length();
			if (this.text.endsWith("\r\n")) {
				this.trailer = "CRLF";
				return end - 2;
			}
			if (this.text.endsWith("\n") || this.text.endsWith("\r")) {
				this.trailer = this.text.endsWith("\n") ? "LF" : "CR";
				add("BAD_TRAILER", Severity.WARNING, "the text ends with " + this.trailer + " only: a frame ends with"
						+ " CR LF (包尾, 表2), and the listener would refuse it; inspected as if it ended with CR LF",
						end - 1);
				return end - 1;
			}
			add("NO_TRAILER", Severity.INFO,
					"no CR LF at the end (包尾, 表2): inspected as if it were there; on the wire it is required", end);
			return end;
		}

		private void characters(String segment) {
			for (int i = 0; i < segment.length(); i++) {
				char c = segment.charAt(i);
				boolean bad = c < 0x20 || c == 0x7F || Character.isLowSurrogate(c) || (Character.isHighSurrogate(c)
						&& (i + 1 >= segment.length() || !Character.isLowSurrogate(segment.charAt(i + 1))));
				if (bad) {
					error(Reason.BAD_CHARACTER,
							"the data segment contains " + describe(c)
									+ ", which no frame may carry (a line end inside a frame splits it on the wire)",
							SEGMENT_START + i);
					return;
				}
				if (Character.isHighSurrogate(c)) {
					i++;
				}
			}
		}

		private void length(String segment, byte[] bytes) {
			String field = this.text.substring(2, SEGMENT_START);
			Integer declared = Hj212Text.isDigits(field, 4, 4) ? Integer.parseInt(field) : null;
			boolean matches = declared != null && declared == bytes.length;
			boolean legacy = declared != null && declared == bytes.length + 6;
			int max = Hj212Decoder.MAX_SEGMENT_LENGTH;
			this.length = new Hj212Inspection.Length(field, declared, bytes.length, segment.length(), matches, legacy,
					max);
			if (declared == null) {
				error(Reason.BAD_LENGTH, "the length field '" + field + "' is not 4 decimal digits (表2)", 2);
			}
			else if (!matches) {
				StringBuilder message = new StringBuilder("the length field says " + declared
						+ ", but the data segment has " + bytes.length + " UTF-8 bytes (表2)");
				if (legacy) {
					message.append("; " + declared + " = " + bytes.length + " + 6 is the legacy convention that also"
							+ " counts the CRC and CR LF (STANDARDS §3.11), accepted only from MNs configured for"
							+ " legacy length");
				}
				else if (declared == segment.length()) {
					message.append("; " + declared + " is its character count: the length counts bytes, and"
							+ " each Chinese character is 3 bytes in UTF-8");
				}
				error(Reason.BAD_LENGTH, message.toString(), 2);
			}
			if (bytes.length > max) {
				error(Reason.TOO_LONG, "the data segment has " + bytes.length + " bytes; the standard allows at most "
						+ max + " (表2): split it with PNUM/PNO", SEGMENT_START + max);
			}
		}

		private void crc(byte[] bytes, int bodyEnd) {
			String received = this.text.substring(bodyEnd - 4, bodyEnd);
			String expected = Hj212Crc.hex(Hj212Crc.compute(bytes));
			String modbus = Hj212Crc.hex(Hj212Crc.modbus(bytes));
			boolean hex = Hj212Text.isHex(received);
			boolean matches = hex && received.equalsIgnoreCase(expected);
			boolean matchesModbus = hex && received.equalsIgnoreCase(modbus);
			this.crc = new Hj212Inspection.Crc(received, expected, modbus, matches, matchesModbus);
			if (!hex) {
				error(Reason.BAD_CRC, "the CRC '" + received + "' is not 4 hex digits (expected " + expected + ", 附录A)",
						bodyEnd - 4);
			}
			else if (matchesModbus && !matches) {
				error(Reason.BAD_CRC,
						"the CRC " + received + " is the CRC-16/MODBUS of the data segment, not the" + " HJ 212 CRC "
								+ expected + " of 附录A (STANDARDS §3.10); accepted only from MNs configured"
								+ " for the modbus CRC mode",
						bodyEnd - 4);
			}
			else if (!matches) {
				error(Reason.BAD_CRC, "the CRC received is " + received + ", the data segment's is " + expected
						+ " (附录A; not CRC-16/MODBUS either, which would be " + modbus + ")", bodyEnd - 4);
			}
		}

		private void segment(String segment) {
			int cpAt = segment.startsWith(CP_START) ? 0 : segment.indexOf(";" + CP_START);
			String head;
			if (cpAt < 0) {
				error(Reason.MISSING_FIELD, "CP=&& is missing: the data segment ends with the data area CP=&&…&& (表3)",
						null);
				head = segment;
			}
			else {
				head = segment.substring(0, cpAt);
			}
			if (!head.isEmpty()) {
				headerFields(head);
			}
			checkFields();
			if (cpAt >= 0) {
				dataArea(segment, (cpAt == 0) ? CP_START.length() : cpAt + 1 + CP_START.length());
			}
			readings();
		}

		private void headerFields(String head) {
			int at = 0;
			for (String part : head.split(";", -1)) {
				int offset = SEGMENT_START + at;
				at += part.length() + 1;
				int eq = part.indexOf('=');
				if (eq < 0) {
					error(Reason.BAD_FIELD,
							"a field is not name=value"
									+ (part.startsWith("PW") ? " (PW…, not shown)" : ": '" + shorten(part) + "'"),
							offset);
					continue;
				}
				String name = part.substring(0, eq);
				if (!HEADER_FIELDS.contains(name)) {
					error(Reason.BAD_FIELD,
							"unknown field '" + shorten(name)
									+ "' (表3 has QN, ST, CN, PW, MN, Flag, PNUM, PNO; names are case-sensitive)",
							offset);
					continue;
				}
				if (this.fields.putIfAbsent(name, part.substring(eq + 1)) != null) {
					error(Reason.BAD_FIELD, name + " appears twice", offset);
					continue;
				}
				this.fieldOffsets.put(name, offset + eq + 1);
			}
		}

		private void checkFields() {
			String qn = this.fields.get("QN");
			if (qn != null) {
				if (!Hj212Text.isDigits(qn, 1, 20)) {
					fieldError("QN", "QN is not 1-20 digits: '" + shorten(qn) + "'");
				}
				else if (qn.length() != 17) {
					fieldWarning("QN", "QN has " + qn.length() + " digits; 表3 gives YYYYMMDDhhmmsszzz (17)");
				}
				else if (!isTime(qn, QN_TIME)) {
					fieldWarning("QN", "QN " + qn + " is not a valid time YYYYMMDDhhmmsszzz (表3)");
				}
			}
			String st = required("ST");
			if (st != null && !st.matches("[0-9A-Z]{2}")) {
				fieldError("ST", "ST is not 2 characters 0-9 or A-Z (表5): '" + shorten(st) + "'");
			}
			String cn = required("CN");
			if (cn != null && !Hj212Text.isDigits(cn, 4, 4)) {
				fieldError("CN", "CN is not 4 digits (表9): '" + shorten(cn) + "'");
			}
			String pw = required("PW");
			if (pw != null && hasForbiddenCharacter(pw)) {
				fieldError("PW", "PW contains ';', '=', '&', ',' or a control character (value not shown)");
			}
			String mn = required("MN");
			if (mn != null) {
				if (mn.isEmpty()) {
					fieldError("MN", "MN is empty");
				}
				else if (hasForbiddenCharacter(mn)) {
					fieldError("MN", "MN contains ';', '=', '&', ',' or a control character: '" + shorten(mn) + "'");
				}
				else if (this.siteByMn != null) {
					Optional<Site> site = this.siteByMn.apply(mn);
					if (site.isPresent()) {
						this.site = site.get();
						this.siteRef = new Hj212Inspection.SiteRef(site.get().id().value(), site.get().name());
					}
					else {
						add("UNKNOWN_SITE", Severity.WARNING,
								"MN " + mn + " is not in the site catalogue (or not"
										+ " visible to this API key): the listener would refuse the frame",
								this.fieldOffsets.get("MN"));
					}
				}
			}
			Integer flagValue = small("Flag");
			if (flagValue != null && flagValue > 255) {
				fieldError("Flag", "Flag is " + flagValue + ", not 0-255 (表3)");
				flagValue = null;
			}
			if (flagValue != null) {
				int version = flagValue >> 2;
				this.flag = new Hj212Inspection.FlagBits(flagValue, version,
						(version < VERSIONS.length) ? VERSIONS[version] : "unknown", (flagValue & 2) != 0,
						(flagValue & 1) != 0);
				if (version >= VERSIONS.length) {
					fieldWarning("Flag", "Flag version bits V5…V0 are " + version
							+ ": no known edition (0 HJ/T 212-2005, 1 HJ 212-2017, 2 HJ 212-2025)");
				}
			}
			Integer pnum = small("PNUM");
			Integer pno = small("PNO");
			boolean hasPnum = this.fields.containsKey("PNUM");
			boolean hasPno = this.fields.containsKey("PNO");
			if (hasPnum != hasPno) {
				fieldError(hasPnum ? "PNUM" : "PNO", "PNUM and PNO come together (表3)");
			}
			else if (pnum != null && pno != null && (pnum < 1 || pno < 1 || pno > pnum)) {
				fieldError("PNO", "PNO is not 1..PNUM: PNUM=" + pnum + ", PNO=" + pno);
			}
			if (this.flag != null && this.flag.split() != hasPnum) {
				fieldError("Flag",
						"Flag=" + this.flag.value() + " has the D bit " + (this.flag.split() ? "set" : "clear")
								+ ", but the frame has " + (hasPnum ? "PNUM/PNO" : "no PNUM/PNO") + " (表3)");
			}
		}

		private void dataArea(String segment, int cpStart) {
			int absolute = SEGMENT_START + cpStart;
			String cp;
			if (segment.length() < cpStart + CP_END.length() || !segment.endsWith(CP_END)) {
				error(Reason.BAD_DATA_AREA, "the data area does not end with '&&' (§6.3.3)",
						SEGMENT_START + segment.length());
				cp = segment.substring(cpStart);
			}
			else {
				cp = segment.substring(cpStart, segment.length() - CP_END.length());
				this.cp = cp;
				int inner = cp.indexOf(CP_END);
				if (inner >= 0) {
					error(Reason.BAD_DATA_AREA, "the data area contains '&&' before its end", absolute + inner);
				}
			}
			Map<String, String> items = new LinkedHashMap<>();
			Map<String, Map<String, String>> factors = new LinkedHashMap<>();
			Map<String, Integer> itemOffsets = new HashMap<>();
			int at = 0;
			for (String item : cp.split("[;,]", -1)) {
				int offset = absolute + at;
				at += item.length() + 1;
				if (item.isEmpty()) {
					continue;
				}
				int eq = item.indexOf('=');
				if (eq <= 0) {
					error(Reason.BAD_DATA_AREA, "item is not name=value: '" + shorten(item) + "' (§6.3.3)", offset);
					continue;
				}
				String name = item.substring(0, eq);
				String value = item.substring(eq + 1);
				int dash = name.lastIndexOf('-');
				String previous;
				if (dash > 0 && dash < name.length() - 1) {
					String code = name.substring(0, dash);
					this.factorOffsets.putIfAbsent(code, offset);
					previous = factors.computeIfAbsent(code, (c) -> new LinkedHashMap<>())
						.putIfAbsent(name.substring(dash + 1), value);
				}
				else {
					previous = items.putIfAbsent(name, value);
				}
				if (previous != null) {
					error(Reason.BAD_DATA_AREA, "'" + shorten(name) + "' appears twice in the data area", offset);
					continue;
				}
				itemOffsets.put(name, offset + eq + 1);
			}
			Hj212DataArea area = new Hj212DataArea(items, factors);
			String dataTime = null;
			try {
				dataTime = area.dataTime().map(LocalDateTime::toString).orElse(null);
			}
			catch (Hj212FormatException ex) {
				error(Reason.BAD_DATA_AREA, detail(ex), itemOffsets.get("DataTime"));
			}
			List<Hj212Inspection.Factor> described = new ArrayList<>();
			for (Map.Entry<String, Map<String, String>> factor : factors.entrySet()) {
				String code = factor.getKey();
				described.add(new Hj212Inspection.Factor(code,
						Hj212FactorCodes.lookup(code).map((f) -> f.measurand().key()).orElse(null), factor.getValue()));
				for (String suffix : factor.getValue().keySet()) {
					Integer offset = itemOffsets.get(code + "-" + suffix);
					try {
						if (NUMERIC_SUFFIXES.contains(suffix)) {
							area.number(code, suffix);
						}
						else if (suffix.equals("Flag")) {
							area.flag(code);
						}
					}
					catch (Hj212FormatException ex) {
						String problem = suffix.equals("Flag") ? "BAD_FLAG" : "NON_NUMERIC";
						this.factorProblems.computeIfAbsent(code, (c) -> new HashSet<>()).add(problem);
						add(problem, Severity.WARNING, detail(ex), offset);
					}
				}
			}
			this.dataArea = new Hj212Inspection.DataArea(dataTime, items, described);
		}

		/**
		 * The readings the ingest mapping would make, as if the frame had passed: only a
		 * data segment whose fields and data area are valid can be mapped.
		 */
		private void readings() {
			Hj212Frame frame;
			try {
				String cp = this.cp;
				if (cp == null) {
					return;
				}
				frame = new Hj212Frame(this.fields.get("QN"), this.fields.get("ST"), this.fields.get("CN"),
						this.fields.get("PW"), this.fields.get("MN"), small("Flag"), small("PNUM"), small("PNO"), cp);
			}
			catch (RuntimeException ex) {
				return; // the problems that prevent it are reported
			}
			Site site = this.site;
			boolean assumed = site == null;
			if (site == null) {
				site = uncataloguedSite(frame);
			}
			Hj212ReadingMapper.Result result = Hj212Inspector.this.mapper.map(frame, site);
			if (result instanceof Hj212ReadingMapper.NotDataUpload) {
				add("NOT_DATA_UPLOAD", Severity.INFO,
						"CN " + frame.cn() + " is not a pollutant data upload"
								+ " (2011, 2051, 2061, 2031): ingest stores no readings from it",
						this.fieldOffsets.get("CN"));
				return;
			}
			Hj212ReadingMapper.Mapped mapped = (Hj212ReadingMapper.Mapped) result;
			List<String> codes = new ArrayList<>(frame.dataArea().factors().keySet());
			for (ItemRejection rejection : mapped.rejections()) {
				boolean ofFactor = rejection.index() >= 0 && rejection.index() < codes.size();
				String factor = ofFactor ? codes.get(rejection.index()) : "";
				String code = rejection.reason().name();
				if (!this.factorProblems.getOrDefault(factor, Set.of()).contains(code)) {
					add(code, Severity.WARNING, "ingest would refuse this: " + rejection.detail(),
							ofFactor ? this.factorOffsets.get(factor) : this.fieldOffsets.get("CN"));
				}
			}
			for (Reading reading : mapped.readings()) {
				List<Hj212Inspection.Value> values = new ArrayList<>();
				for (Map.Entry<Measurand, Measurement> value : reading.values().entrySet()) {
					BigDecimal number = value.getValue().value();
					values.add(new Hj212Inspection.Value(value.getKey().key(), number.toPlainString(),
							value.getKey().unitAt(site.kind()).symbol(), value.getValue().flag().name()));
				}
				this.readings.add(new Hj212Inspection.ReadingPreview(assumed ? null : site.id().value(),
						site.kind().name().toLowerCase(Locale.ROOT), assumed, reading.period().key(),
						reading.time().atZone(Hj212Inspector.this.zone).toOffsetDateTime().toString(), values));
			}
		}

		/**
		 * The decoder is the authority on validity: a refusal the walk missed becomes an
		 * error, so that {@code valid} never disagrees with ingest.
		 */
		private void crossCheckWithDecoder(String frame) {
			try {
				Hj212Inspector.this.decoder.decode(frame);
			}
			catch (Hj212FormatException ex) {
				String code = ex.reason().name();
				boolean reported = this.problems.stream()
					.anyMatch((p) -> p.severity() == Severity.ERROR && p.code().equals(code));
				if (!reported) {
					error(ex.reason(), redact(detail(ex)), null);
				}
			}
		}

		private @Nullable String required(String name) {
			String value = this.fields.get(name);
			if (value == null) {
				error(Reason.MISSING_FIELD, name + " is missing (表3)", null);
			}
			return value;
		}

		/** A number field of 1-4 digits, as the decoder reads Flag, PNUM and PNO. */
		private @Nullable Integer small(String name) {
			String value = this.fields.get(name);
			if (value == null) {
				return null;
			}
			if (!Hj212Text.isDigits(value, 1, 4)) {
				fieldError(name, name + " is not a number of 1-4 digits: '" + shorten(value) + "'");
				return null;
			}
			return Integer.parseInt(value);
		}

		private void fieldError(String name, String message) {
			boolean reported = this.problems.stream().anyMatch((p) -> p.message().equals(message));
			if (!reported) {
				error(Reason.BAD_FIELD, message, this.fieldOffsets.get(name));
			}
		}

		private void fieldWarning(String name, String message) {
			add(Reason.BAD_FIELD.name(), Severity.WARNING, message, this.fieldOffsets.get(name));
		}

		private void error(Reason reason, String message, @Nullable Integer offset) {
			add(reason.name(), Severity.ERROR, message, offset);
		}

		private void add(String code, Severity severity, String message, @Nullable Integer offset) {
			this.problems.add(new Problem(code, severity, message, offset));
		}

		/** Never repeat the password, whatever a message quotes. */
		private String redact(String message) {
			String pw = this.fields.get("PW");
			return (pw == null || pw.isEmpty()) ? message : message.replace(pw, MASK);
		}

	}

	private static Site uncataloguedSite(Hj212Frame frame) {
		// ST 21-27 are environmental quality systems (表5): ambient units; else a source
		boolean ambient = frame.st().length() == 2 && frame.st().charAt(0) == '2';
		SiteId id = SiteId.of("uncatalogued");
		return ambient
				? new Site(id, "MN " + frame.mn(), SiteKind.AMBIENT, "-", "-", null, null, false, null, null, null,
						null, null, null)
				: new Site(id, "MN " + frame.mn(), SiteKind.STACK, "-", "-", null, null, false,
						new Enterprise("uncatalogued", "uncatalogued"), null, null, null, null, null);
	}

	/** The exception's message without the reason prefix. */
	private static String detail(Hj212FormatException ex) {
		String prefix = ex.reason() + ": ";
		String message = String.valueOf(ex.getMessage());
		return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
	}

	private static boolean isTime(String text, DateTimeFormatter format) {
		try {
			LocalDateTime.parse(text, format);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static boolean hasForbiddenCharacter(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == ';' || c == '=' || c == '&' || c == ',' || c < 0x20 || c == 0x7F) {
				return true;
			}
		}
		return false;
	}

	private static String describe(char c) {
		return switch (c) {
			case '\r' -> "a CR";
			case '\n' -> "an LF";
			default -> "the character U+%04X".formatted((int) c);
		};
	}

	/** User text in messages is cut, as in the dead letters. */
	private static String shorten(String value) {
		return (value.length() <= 64) ? value : value.substring(0, 64) + "…";
	}

}
