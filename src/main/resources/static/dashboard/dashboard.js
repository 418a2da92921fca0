/*
 * Lantian's built-in dashboard. Plain JavaScript, no build step, no external resource:
 * every byte comes from Lantian. The API key is kept in sessionStorage and sent as
 * "Authorization: Bearer" on every /api/v1 call; the alert stream is read with fetch()
 * (EventSource cannot send that header) and parsed as Server-Sent Events here.
 */
'use strict';

(function () {
	const KEY_STORE = 'lantian.apiKey';
	const LANG_STORE = 'lantian.lang';
	/** A site whose newest value is older than this is stale (the no-data-15m rule's window). */
	const STALE_MS = 15 * 60 * 1000;
	const OVERVIEW_REFRESH_MS = 30000;
	const SITE_REFRESH_MS = 15000;
	const CHART_WINDOW_MS = 2 * 3600 * 1000;
	const PARALLEL = 6;
	const AMBIENT_KEYS = ['pm25', 'pm10', 'so2', 'no2', 'co', 'o3'];

	/** HJ 633 空气质量指数类别 and colours (HJ 633-2012 表2 / HJ 633-2026 表1, 附录A). */
	const AQI_CATEGORIES = [
		{ level: 1, high: 50, zh: '优', en: 'Excellent', color: '#00E400' },
		{ level: 2, high: 100, zh: '良', en: 'Good', color: '#FFFF00' },
		{ level: 3, high: 150, zh: '轻度污染', en: 'Lightly polluted', color: '#FF7E00' },
		{ level: 4, high: 200, zh: '中度污染', en: 'Moderately polluted', color: '#FF0000' },
		{ level: 5, high: 300, zh: '重度污染', en: 'Heavily polluted', color: '#99004C' },
		{ level: 6, high: Infinity, zh: '严重污染', en: 'Severely polluted', color: '#7E0023' },
	];

	const TEXT = {
		overview: ['总览', 'Overview'],
		alerts: ['告警', 'Alerts'],
		logout: ['退出', 'Log out'],
		loginTitle: ['蓝天 · 空气质量监控', 'Lantian air-quality monitoring'],
		loginHelp: ['请输入 API 密钥。密钥只保存在本浏览器标签页中。', 'Enter your API key. It is kept in this browser tab only.'],
		apiKey: ['API 密钥', 'API key'],
		login: ['登录', 'Log in'],
		badKey: ['密钥无效（401）', 'Unknown API key (401)'],
		noServer: ['无法连接 Lantian', 'Cannot reach Lantian'],
		warnings: ['当前预警', 'Current warnings'],
		openAlerts: ['告警', 'Alerts'],
		openCount: ['未处理告警数', 'open alerts'],
		noAlerts: ['无未关闭告警', 'No open alerts'],
		ack: ['确认', 'Acknowledge'],
		acked: ['已确认', 'Acknowledged'],
		open: ['未处理', 'Open'],
		legend: ['AQI 类别（HJ 633）：', 'AQI categories (HJ 633):'],
		stale: ['数据中断', 'Stale'],
		noData: ['无数据', 'No data'],
		stack: ['污染源', 'Stack'],
		live: ['实时', 'Live'],
		connecting: ['连接中', 'Connecting'],
		off: ['离线', 'Offline'],
		aqiNote: ['AQI 为最新值按 HJ 633-2026 实时报计算的近似值', 'AQI from the newest values, HJ 633-2026 real-time report (indicative)'],
		city: ['城市', 'City'],
		sites: ['站点', 'Sites'],
		scorecard: ['目标考核', 'Target scorecard'],
		measured: ['实测', 'Measured'],
		target: ['目标', 'Target'],
		figure: ['指标', 'Figure'],
		noScorecard: ['无考核数据', 'No scorecard'],
		attainment: ['评价', 'Result'],
		goodDays: ['优良天数比率', 'Good days ratio'],
		heavyDays: ['重污染天数比率', 'Heavy-or-worse days ratio'],
		pm25Mean: ['PM2.5 年均浓度', 'PM2.5 annual mean'],
		pm25Change: ['PM2.5 较基准年变化', 'PM2.5 change vs baseline'],
		pm10Mean: ['PM10 年均浓度', 'PM10 annual mean'],
		pm10Change: ['PM10 较基准年变化', 'PM10 change vs baseline'],
		validDays: ['有效天数', 'Valid days'],
		goodDayCount: ['优良天数', 'good days'],
		heavyDayCount: ['重污染天数', 'heavy-or-worse days'],
		hourlyAqi: ['近 24 小时 AQI', 'Hourly AQI, last 24 h'],
		latest: ['最新数据', 'Newest values'],
		now: ['最新', 'latest'],
		key: ['项目', 'Key'],
		value: ['数值', 'Value'],
		unit: ['单位', 'Unit'],
		flag: ['标记', 'Flag'],
		time: ['时间', 'Time'],
		charts: ['近 2 小时曲线（1 分钟均值）', 'Last 2 hours (1-minute means)'],
		noSeries: ['无数据', 'No data'],
		site: ['站点', 'Site'],
		level: ['级别', 'Level'],
		since: ['起始', 'Since'],
		emergencyReduction: ['须实施应急减排', 'Emergency reductions required'],
		apiReference: ['API 文档', 'API'],
		allAlerts: ['告警（未处理与已确认）', 'Alerts (open and acknowledged)'],
		notFound: ['未找到', 'Not found'],
		forbidden: ['无权限（403）', 'Not allowed (403)'],
	};

	const WARNING_LEVELS = { none: ['无', 'none'], blue: ['蓝色', 'blue'], yellow: ['黄色', 'yellow'], orange: ['橙色', 'orange'], red: ['红色', 'red'] };

	const state = {
		key: sessionStorage.getItem(KEY_STORE),
		lang: localStorage.getItem(LANG_STORE) || ((navigator.language || '').startsWith('zh') ? 'zh' : 'en'),
		me: null,
		sites: [],
		alerts: new Map(),
		timer: null,
		stream: null,
		warningsAvailable: true,
		warningsTimer: null,
		warnings: new Map(),
	};

	const { $, el } = window.LantianDom;

	function t(name) {
		const entry = TEXT[name];
		return entry ? entry[state.lang === 'zh' ? 0 : 1] : name;
	}

	function applyLanguage() {
		document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
		document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
		$('#lang').textContent = state.lang === 'zh' ? 'English' : '中文';
		const legend = $('#legend');
		legend.replaceChildren(...AQI_CATEGORIES.map((category) => el('span', { style: { background: category.color,
			color: category.level >= 4 ? '#fff' : '#000' } }, state.lang === 'zh' ? category.zh : category.en)));
	}

	// ---- the API ----------------------------------------------------------------------

	class ApiError extends Error {
		constructor(status, detail) {
			super(detail || ('HTTP ' + status));
			this.status = status;
		}
	}

	async function api(path, options) {
		const init = Object.assign({ headers: {} }, options || {});
		init.headers = Object.assign({ 'Authorization': 'Bearer ' + state.key, 'Accept': 'application/json' }, init.headers);
		const response = await fetch(path, init);
		if (response.status === 401 && state.me) {
			logout(t('badKey'));
		}
		if (!response.ok) {
			let detail = null;
			try {
				detail = (await response.json()).detail;
			}
			catch (ignored) {
				// not a problem document
			}
			throw new ApiError(response.status, detail);
		}
		return response.status === 204 ? null : response.json();
	}

	/** Runs tasks at most PARALLEL at a time, keeping their order. */
	async function inParallel(items, task) {
		const results = new Array(items.length);
		let next = 0;
		async function worker() {
			while (next < items.length) {
				const index = next++;
				try {
					results[index] = await task(items[index]);
				}
				catch (error) {
					results[index] = { error };
				}
			}
		}
		await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
		return results;
	}

	// ---- login ------------------------------------------------------------------------

	async function login(key) {
		state.key = key;
		try {
			state.me = await api('/api/v1/me');
		}
		catch (error) {
			state.key = null;
			state.me = null;
			sessionStorage.removeItem(KEY_STORE);
			return error.status === 401 ? t('badKey') : (error.status ? error.message : t('noServer'));
		}
		sessionStorage.setItem(KEY_STORE, key);
		return null;
	}

	function logout(message) {
		sessionStorage.removeItem(KEY_STORE);
		state.key = null;
		state.me = null;
		state.alerts.clear();
		stopStream();
		clearTimeout(state.timer);
		clearTimeout(state.warningsTimer);
		state.warnings.clear();
		state.warningsAvailable = true;
		$('#warnings-panel').hidden = true;
		$('#view').replaceChildren();
		history.replaceState(null, '', '#/');
		showLogin(message);
	}

	function showLogin(message) {
		$('#login').hidden = false;
		$('#app').hidden = true;
		$('#nav').hidden = true;
		$('#logout').hidden = true;
		$('#caller').hidden = true;
		$('#live-status').hidden = true;
		const error = $('#login-error');
		error.textContent = message || '';
		error.hidden = !message;
		$('#api-key').focus();
	}

	async function showApp() {
		$('#login').hidden = true;
		$('#app').hidden = false;
		$('#nav').hidden = false;
		$('#logout').hidden = false;
		$('#live-status').hidden = false;
		const caller = $('#caller');
		caller.hidden = false;
		caller.textContent = state.me.name + ' · ' + state.me.role + (state.me.enterprise ? ' · ' + state.me.enterprise : '');
		document.body.dataset.role = state.me.role;
		try {
			state.sites = await api('/api/v1/sites');
		}
		catch (error) {
			state.sites = [];
		}
		await loadAlerts();
		startStream();
		loadWarnings();
		route();
	}

	function canAcknowledge() {
		return state.me && ['bureau', 'emergency', 'admin'].includes(state.me.role);
	}

	function canSeeCities() {
		return state.me && state.me.role !== 'enterprise';
	}

	// ---- numbers, times and AQI ----------------------------------------------------------

	function number(value) {
		if (value === null || value === undefined) {
			return '—';
		}
		const n = Number(value);
		if (!Number.isFinite(n)) {
			return String(value);
		}
		return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2).replace(/0$/, '');
	}

	function clock(iso) {
		if (!iso) {
			return '—';
		}
		const date = new Date(iso);
		return date.toLocaleString(state.lang === 'zh' ? 'zh-CN' : 'en-GB', { month: '2-digit', day: '2-digit',
			hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
	}

	function decimal(value) {
		const n = Number(value);
		if (!Number.isFinite(n) || n < 0) {
			return null;
		}
		return n.toFixed(3).replace(/\.?0+$/, '');
	}

	function category(aqi) {
		return AQI_CATEGORIES.find((candidate) => aqi <= candidate.high);
	}

	function textColor(background) {
		return ['#FF0000', '#99004C', '#7E0023'].includes(String(background).toUpperCase()) ? '#fff' : '#000';
	}

	/** The newest time among a latest response's values, or null. */
	function newest(latest) {
		let best = null;
		for (const value of Object.values(latest.values || {})) {
			const time = Date.parse(value.time);
			if (!Number.isNaN(time) && (best === null || time > best)) {
				best = time;
			}
		}
		return best;
	}

	/**
	 * The AQI of an ambient site's newest normal (flag N) values, computed by Lantian's own
	 * calculator (HJ 633-2026, real-time report); null when no pollutant is there.
	 */
	async function currentAqi(latest) {
		const query = new URLSearchParams({ standard: 'HJ633-2026', report: 'realtime' });
		let any = false;
		for (const key of AMBIENT_KEYS) {
			const value = (latest.values || {})[key];
			const text = value && value.flag === 'N' ? decimal(value.value) : null;
			if (text !== null) {
				query.set(key, text);
				any = true;
			}
		}
		return any ? api('/api/v1/aqi/calculate?' + query) : null;
	}

	// ---- routing ----------------------------------------------------------------------

	function route() {
		clearTimeout(state.timer);
		if (!state.me) {
			return;
		}
		const hash = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
		const [kind, ...rest] = hash.split('/');
		const argument = rest.join('/');
		if (kind === 'city' && argument && canSeeCities()) {
			cityView(argument);
		}
		else if (kind === 'site' && argument) {
			siteView(argument);
		}
		else if (kind === 'alerts') {
			alertsView();
		}
		else {
			overview();
		}
	}

	function schedule(task, delay) {
		clearTimeout(state.timer);
		state.timer = setTimeout(task, delay);
	}

	/** Whether the view that started loading is still the one shown. */
	function stillShowing(hash) {
		return location.hash === hash;
	}

	// ---- overview ---------------------------------------------------------------------

	async function siteCards(sites) {
		const latest = await inParallel(sites, (site) => api('/api/v1/sites/' + encodeURIComponent(site.id) + '/latest'));
		const aqi = await inParallel(sites.map((site, index) => [site, latest[index]]), ([site, values]) =>
			(site.kind === 'ambient' && values && !values.error) ? currentAqi(values) : null);
		return sites.map((site, index) => siteCard(site, latest[index], aqi[index]));
	}

	function siteCard(site, latest, aqi) {
		const values = latest && !latest.error ? latest.values || {} : {};
		const time = latest && !latest.error ? newest(latest) : null;
		const stale = time === null || Date.now() - time > STALE_MS;
		const flags = Object.entries(values).filter(([, value]) => value.flag && value.flag !== 'N');
		const item = aqi && !aqi.error ? aqi : null;
		const color = item && item.aqi !== null && item.aqi !== undefined ? item.color : null;
		const shown = site.kind === 'ambient' ? AMBIENT_KEYS : Object.keys(values).slice(0, 4);
		const summary = shown.filter((key) => values[key])
			.map((key) => key + ' ' + number(values[key].value))
			.join(' · ');
		const categoryName = item && item.level ? (state.lang === 'zh' ? item.category : category(item.aqi).en) : null;
		return el('a', { class: 'site-card' + (stale ? ' stale' : ''), href: '#/site/' + encodeURIComponent(site.id),
				style: color ? { borderLeftColor: color } : null,
				dataset: { site: site.id, kind: site.kind, stale: String(stale), aqi: item && item.aqi !== null ? String(item.aqi) : '',
					color: color || '', level: item && item.level ? String(item.level) : '' } },
			el('div', { class: 'name' }, site.name),
			el('div', { class: 'id' }, site.id + (site.district ? ' · ' + site.district : '')),
			site.kind === 'ambient'
				? el('span', { class: 'aqi', title: t('aqiNote'), style: color ? { background: color, color: textColor(color) } : null },
					'AQI ' + (item && item.aqi !== null ? item.aqi : '—'))
				: el('span', { class: 'badge stack' }, t('stack')),
			categoryName ? el('span', { class: 'badge' }, categoryName) : null,
			stale ? el('span', { class: 'badge stale' }, time === null ? t('noData') : t('stale')) : null,
			flags.map(([key, value]) => el('span', { class: 'badge flag', title: key }, key + ':' + value.flag)),
			el('div', { class: 'values' }, summary || '—', time !== null ? el('div', null, clock(new Date(time).toISOString())) : null));
	}

	function byCity(sites) {
		const cities = new Map();
		for (const site of sites) {
			if (!cities.has(site.city)) {
				cities.set(site.city, []);
			}
			cities.get(site.city).push(site);
		}
		return cities;
	}

	async function overview() {
		const hash = location.hash;
		const view = $('#view');
		if (!view.querySelector('#overview')) {
			view.replaceChildren(el('div', { id: 'overview' }, el('h1', null, t('overview')), el('p', { class: 'muted' }, '…')));
		}
		const cards = await siteCards(state.sites);
		if (!stillShowing(hash)) {
			return;
		}
		const cardsBySite = new Map(state.sites.map((site, index) => [site.id, cards[index]]));
		const sections = [];
		for (const [city, sites] of byCity(state.sites)) {
			sections.push(el('section', { class: 'city', dataset: { city } },
				el('h2', null, canSeeCities() ? el('a', { href: '#/city/' + encodeURIComponent(city) }, city) : city,
					' ', el('span', { class: 'muted' }, '(' + sites.length + ')')),
				el('div', { class: 'sites' }, sites.map((site) => cardsBySite.get(site.id)))));
		}
		$('#view').replaceChildren(el('div', { id: 'overview', dataset: { loaded: 'true', at: String(Date.now()) } },
			el('h1', null, t('overview')), el('p', { class: 'muted' }, t('aqiNote')), sections));
		schedule(overview, OVERVIEW_REFRESH_MS);
	}

	// ---- city view --------------------------------------------------------------------

	/** The scorecard's figures beside their targets: [label, measured, target, comparison, attainment, unit]. */
	const SCORECARD_ROWS = [
		['goodDays', 'days.goodDaysPercent', 'goodDaysPercentAtLeast', '≥', 'days.goodDaysTarget', '%'],
		['heavyDays', 'days.heavyDaysPercent', 'heavyDaysPercentAtMost', '≤', 'days.heavyDaysTarget', '%'],
		['pm25Mean', 'pm25.mean', 'pm25AnnualMeanAtMost', '≤', 'pm25.meanTarget', 'µg/m³'],
		['pm25Change', 'pm25.changePercent', 'pm25ChangePercentAtMost', '≤', 'pm25.changeTarget', '%'],
		['pm10Mean', 'pm10.mean', null, null, 'pm10.meanTarget', 'µg/m³'],
		['pm10Change', 'pm10.changePercent', 'pm10ChangePercentAtMost', '≤', 'pm10.changeTarget', '%'],
	];

	const ATTAINMENT = { MET: ['达标', 'met', 'ok'], NOT_MET: ['未达标', 'not met', 'miss'], NO_DATA: ['无数据', 'no data', 'muted'],
		NO_TARGET: ['无目标', 'no target', 'muted'] };

	function at(object, path) {
		return path.split('.').reduce((node, name) => (node === null || node === undefined ? undefined : node[name]), object);
	}

	function scorecardTable(scorecard) {
		const measured = scorecard.measured || {};
		const target = scorecard.target || {};
		const rows = SCORECARD_ROWS.map(([label, value, goal, comparison, attainment, unit]) => {
			const status = at(measured, attainment);
			const shown = ATTAINMENT[status];
			const goalValue = goal ? at(target, goal) : null;
			return el('tr', { dataset: { figure: label, attainment: status || '' } }, el('td', null, t(label)),
				el('td', { class: 'num' }, number(at(measured, value)) + ' ' + unit),
				el('td', { class: 'num' }, goalValue === null || goalValue === undefined ? '—' : comparison + ' ' + number(goalValue) + ' ' + unit),
				el('td', { class: shown ? shown[2] : '' }, shown ? shown[state.lang === 'zh' ? 0 : 1] : (status || '')));
		});
		const days = measured.days || {};
		return el('div', { class: 'panel', id: 'scorecard' },
			el('h2', null, t('scorecard') + ' ' + scorecard.year + (scorecard.asOf ? ' (≤ ' + scorecard.asOf + ')' : '')),
			el('p', { class: 'muted' }, t('validDays') + ' ' + (days.validDays ?? '—') + ' · ' + t('goodDayCount') + ' '
				+ (days.goodDays ?? '—') + ' · ' + t('heavyDayCount') + ' ' + (days.heavyDays ?? '—')),
			el('table', null, el('tr', null, el('th', null, t('figure')), el('th', null, t('measured')), el('th', null, t('target')),
				el('th', null, t('attainment'))), rows));
	}

	async function cityView(city) {
		const hash = location.hash;
		const sites = state.sites.filter((site) => site.city === city);
		const now = new Date();
		const from = new Date(now.getTime() - 24 * 3600 * 1000);
		const [cards, scorecard, hourly] = await Promise.all([
			siteCards(sites),
			api('/api/v1/scorecard?' + new URLSearchParams({ city, year: String(now.getFullYear()) })).catch((error) => ({ error })),
			api('/api/v1/cities/' + encodeURIComponent(city) + '/aqi/hourly?' + new URLSearchParams({ from: from.toISOString(), to: now.toISOString() }))
				.catch(() => []),
		]);
		if (!stillShowing(hash)) {
			return;
		}
		const hours = el('div', { class: 'hours' }, (hourly || []).map((item) => el('span', {
			title: clock(item.start) + ' AQI ' + (item.aqi === null ? '—' : item.aqi),
			style: item.aqi !== null && item.color ? { background: item.color } : null })));
		$('#view').replaceChildren(el('div', { id: 'city-view', dataset: { city } },
			el('div', { class: 'crumbs' }, el('a', { href: '#/' }, t('overview')), ' › ', city),
			el('h1', null, city),
			el('h2', null, t('hourlyAqi')), hours,
			scorecard && !scorecard.error ? scorecardTable(scorecard)
				: el('div', { class: 'panel' }, el('h2', null, t('scorecard')), el('p', { class: 'muted' }, t('noScorecard'))),
			el('h2', null, t('sites')), el('div', { class: 'sites' }, cards)));
		schedule(() => cityView(city), OVERVIEW_REFRESH_MS);
	}

	// ---- site view with live charts ------------------------------------------------------

	/** A line chart as inline SVG: the series' points over the window, with min and max. */
	function chart(key, unit, points, from, to) {
		const width = 300;
		const height = 90;
		const values = points.filter((point) => point.value !== null && point.value !== undefined)
			.map((point) => ({ x: Date.parse(point.start || point.time), y: Number(point.value) }));
		const box = el('div', { class: 'chart', dataset: { key, points: String(values.length) } },
			el('h3', null, key + ' ', el('span', { class: 'muted' }, unit || '')));
		if (values.length === 0) {
			box.append(el('p', { class: 'muted' }, t('noSeries')));
			return box;
		}
		let min = Math.min(...values.map((v) => v.y));
		let max = Math.max(...values.map((v) => v.y));
		if (max === min) {
			max += 1;
			min = Math.max(0, min - 1);
		}
		const x = (time) => ((time - from) / (to - from)) * width;
		const y = (value) => height - 4 - ((value - min) / (max - min)) * (height - 16);
		const line = values.map((v) => x(v.x).toFixed(1) + ',' + y(v.y).toFixed(1)).join(' ');
		const area = x(values[0].x).toFixed(1) + ',' + height + ' ' + line + ' ' + x(values[values.length - 1].x).toFixed(1) + ',' + height;
		const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
		svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
		svg.setAttribute('preserveAspectRatio', 'none');
		svg.setAttribute('role', 'img');
		svg.setAttribute('aria-label', key);
		const dots = values.length <= 30 ? values.map((v) => '<circle class="dot" r="2.5" cx="' + x(v.x).toFixed(1)
			+ '" cy="' + y(v.y).toFixed(1) + '"></circle>').join('') : '';
		svg.innerHTML = '<polygon class="area" points="' + area + '"></polygon>'
			+ '<polyline class="line" points="' + line + '"></polyline>' + dots;
		box.append(svg, el('div', { class: 'muted' }, 'min ' + number(min) + ' · max ' + number(max)
			+ ' · ' + t('now') + ' ' + number(values[values.length - 1].y)));
		return box;
	}

	async function siteView(id) {
		const hash = location.hash;
		const site = state.sites.find((candidate) => candidate.id === id);
		if (!site) {
			$('#view').replaceChildren(el('p', { class: 'error' }, t('notFound') + ': ' + id));
			return;
		}
		const to = new Date();
		const from = new Date(to.getTime() - CHART_WINDOW_MS);
		let latest;
		try {
			latest = await api('/api/v1/sites/' + encodeURIComponent(id) + '/latest');
		}
		catch (error) {
			latest = { values: {} };
		}
		const keys = Object.entries(latest.values || {}).filter(([, value]) => value.value !== null).map(([key]) => key).slice(0, 12);
		let series = { series: {}, units: {} };
		if (keys.length > 0) {
			try {
				series = await api('/api/v1/sites/' + encodeURIComponent(id) + '/readings?' + new URLSearchParams({
					from: from.toISOString(), to: to.toISOString(), keys: keys.join(','), step: '1m' }));
			}
			catch (error) {
				// shown as empty charts
			}
		}
		const aqi = site.kind === 'ambient' ? await currentAqi(latest).catch(() => null) : null;
		if (!stillShowing(hash)) {
			return;
		}
		const rows = Object.entries(latest.values || {}).map(([key, value]) => el('tr', { dataset: { key } },
			el('td', null, key), el('td', { class: 'num' }, number(value.value)), el('td', null, value.unit || ''),
			el('td', null, value.flag === 'N' ? 'N' : el('span', { class: 'badge flag' }, value.flag)), el('td', null, clock(value.time))));
		const time = newest(latest);
		const stale = time === null || Date.now() - time > STALE_MS;
		$('#view').replaceChildren(el('div', { id: 'site-view', dataset: { site: id } },
			el('div', { class: 'crumbs' }, el('a', { href: '#/' }, t('overview')), ' › ',
				canSeeCities() ? el('a', { href: '#/city/' + encodeURIComponent(site.city) }, site.city) : site.city, ' › ', site.name),
			el('h1', null, site.name + ' ', el('span', { class: 'muted' }, site.id)),
			el('p', null, site.district || '', site.enterprise ? ' · ' + site.enterprise.name : '', ' ',
				aqi && aqi.aqi !== null ? el('span', { class: 'badge', style: { background: aqi.color, color: textColor(aqi.color) } },
					'AQI ' + aqi.aqi + ' ' + (state.lang === 'zh' ? aqi.category : category(aqi.aqi).en)) : null,
				stale ? el('span', { class: 'badge stale' }, time === null ? t('noData') : t('stale')) : null),
			el('div', { class: 'panel' }, el('h2', null, t('latest')), el('table', null,
				el('tr', null, ['key', 'value', 'unit', 'flag', 'time'].map((name) => el('th', null, t(name)))), rows)),
			el('h2', null, t('charts')),
			el('div', { class: 'charts' }, keys.map((key) => chart(key, (series.units || {})[key], (series.series || {})[key] || [], from.getTime(), to.getTime())))));
		schedule(() => siteView(id), SITE_REFRESH_MS);
	}

	// ---- alerts -----------------------------------------------------------------------

	async function loadAlerts() {
		const [open, acknowledged] = await Promise.all([
			api('/api/v1/alerts?status=open').catch(() => []),
			api('/api/v1/alerts?status=acknowledged').catch(() => []),
		]);
		state.alerts.clear();
		for (const alert of [...open, ...acknowledged]) {
			state.alerts.set(alert.id, alert);
		}
		renderAlerts();
	}

	function upsertAlert(alert, fresh) {
		if (alert.status === 'resolved') {
			state.alerts.delete(alert.id);
		}
		else {
			state.alerts.set(alert.id, alert);
		}
		renderAlerts(fresh ? alert.id : null);
		if (location.hash.startsWith('#/alerts')) {
			alertsView();
		}
	}

	function alertItem(alert, fresh) {
		const siteName = (state.sites.find((site) => site.id === alert.site) || {}).name;
		return el('li', { class: 'alert' + (fresh ? ' fresh' : ''),
				dataset: { alert: alert.id, status: alert.status, severity: alert.severity, rule: alert.rule, site: alert.site } },
			el('div', { class: 'head' }, el('span', null, alert.rule), el('span', { class: 'muted' }, alert.severity)),
			el('div', { class: 'msg' }, alert.message),
			el('div', { class: 'meta' }, (siteName ? siteName + ' ' : '') + alert.site + (alert.city && alert.city !== alert.site ? ' · ' + alert.city : '')
				+ ' · ' + clock(alert.raisedAt)),
			alert.status === 'acknowledged'
				? el('div', { class: 'meta ack-by' }, t('acked') + ': ' + (alert.acknowledgedBy || '') + ' ' + clock(alert.acknowledgedAt))
				: el('div', { class: 'meta' }, t('open')),
			alert.status === 'open' && canAcknowledge()
				? el('button', { class: 'ack', type: 'button', onclick: (event) => acknowledge(alert.id, event.target) }, t('ack'))
				: null);
	}

	function sortedAlerts() {
		return [...state.alerts.values()].sort((a, b) => (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1)
			|| Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
	}

	function renderAlerts(freshId) {
		const alerts = sortedAlerts();
		const open = alerts.filter((alert) => alert.status === 'open');
		$('#alerts-count').textContent = String(open.length);
		$('#alerts-count').title = t('openCount');
		const list = $('#alerts-list');
		list.replaceChildren(...(alerts.length === 0 ? [el('li', { class: 'muted' }, t('noAlerts'))]
			: alerts.slice(0, 50).map((alert) => alertItem(alert, alert.id === freshId))));
	}

	async function acknowledge(id, button) {
		button.disabled = true;
		try {
			const alert = await api('/api/v1/alerts/' + encodeURIComponent(id) + '/ack', { method: 'POST',
				headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ comment: 'acknowledged on the dashboard' }) });
			upsertAlert(alert, false);
		}
		catch (error) {
			button.disabled = false;
			button.title = error.status === 403 ? t('forbidden') : error.message;
		}
	}

	function alertsView() {
		$('#view').replaceChildren(el('div', { id: 'alerts-view' },
			el('div', { class: 'crumbs' }, el('a', { href: '#/' }, t('overview')), ' › ', t('alerts')),
			el('h1', null, t('allAlerts')),
			el('ul', { class: 'panel', style: { listStyle: 'none' } }, sortedAlerts().map((alert) => alertItem(alert, false)))));
	}

	// ---- the alert stream (SSE over fetch) -----------------------------------------------

	function setLive(name) {
		const status = $('#live-status');
		status.dataset.state = name;
		status.textContent = t(name);
	}

	function stopStream() {
		if (state.stream) {
			state.stream.abort();
			state.stream = null;
		}
	}

	function startStream() {
		stopStream();
		const controller = new AbortController();
		state.stream = controller;
		readStream(controller, 1000);
	}

	async function readStream(controller, backoff) {
		setLive('connecting');
		let delay = backoff;
		try {
			const response = await fetch('/api/v1/alerts/stream', { signal: controller.signal, cache: 'no-store',
				headers: { 'Authorization': 'Bearer ' + state.key, 'Accept': 'text/event-stream' } });
			if (response.status === 401) {
				logout(t('badKey'));
				return;
			}
			if (!response.ok || !response.body) {
				throw new Error('HTTP ' + response.status);
			}
			setLive('live');
			delay = 1000;
			await parseEvents(response.body, (event) => {
				if (!event.data) {
					return;
				}
				if (event.event === 'warning') {
					upsertWarning(JSON.parse(event.data));
				}
				else {
					upsertAlert(JSON.parse(event.data), true);
				}
			});
		}
		catch (error) {
			if (controller.signal.aborted) {
				return;
			}
		}
		if (controller.signal.aborted || state.stream !== controller) {
			return;
		}
		setLive('off');
		setTimeout(async () => {
			if (state.stream === controller) {
				await loadAlerts().catch(() => null);
				readStream(controller, Math.min(delay * 2, 30000));
			}
		}, delay);
	}

	/** Reads a text/event-stream body and calls onEvent({ event, id, data }) per event. */
	async function parseEvents(body, onEvent) {
		const reader = body.pipeThrough(new TextDecoderStream()).getReader();
		let buffer = '';
		let event = { event: 'message', id: null, data: '' };
		for (;;) {
			const { value, done } = await reader.read();
			if (done) {
				return;
			}
			buffer += value;
			let end;
			while ((end = buffer.search(/\r\n|\r|\n/)) >= 0) {
				const line = buffer.slice(0, end);
				buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
				if (line === '') {
					if (event.data) {
						onEvent(Object.assign({}, event, { data: event.data.replace(/\n$/, '') }));
					}
					event = { event: 'message', id: null, data: '' };
				}
				else if (!line.startsWith(':')) {
					const colon = line.indexOf(':');
					const field = colon < 0 ? line : line.slice(0, colon);
					const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
					if (field === 'data') {
						event.data += text + '\n';
					}
					else if (field === 'event') {
						event.event = text;
					}
					else if (field === 'id') {
						event.id = text;
					}
				}
			}
		}
	}

	// ---- warnings ---------------------------------------------------------------------

	/**
	 * The current warning per city: GET /api/v1/warnings answers a list of the warning
	 * resource (id, city, level none/blue/yellow/orange/red, levelName 橙色预警…, since,
	 * rule, data, driver, emergencyReduction, …); the stream's "warning" events carry the
	 * same resource and replace the city's entry live. The panel stays hidden for keys
	 * that may not read warnings (403) and while no city has one.
	 */
	async function loadWarnings() {
		clearTimeout(state.warningsTimer);
		if (!state.warningsAvailable || !state.me) {
			return;
		}
		try {
			const answer = await api('/api/v1/warnings');
			state.warnings = new Map((Array.isArray(answer) ? answer : []).filter((item) => item && item.city)
				.map((item) => [item.city, Object.assign({ source: 'list' }, item)]));
		}
		catch (error) {
			if (error.status === 404 || error.status === 403) {
				state.warningsAvailable = false;
				$('#warnings-panel').hidden = true;
				return;
			}
		}
		renderWarnings(null);
		state.warningsTimer = setTimeout(loadWarnings, OVERVIEW_REFRESH_MS);
	}

	function upsertWarning(warning) {
		if (!warning || !warning.city || !state.warningsAvailable) {
			return;
		}
		state.warnings.set(warning.city, Object.assign({ source: 'stream' }, warning));
		renderWarnings(warning.city);
	}

	function renderWarnings(freshCity) {
		const order = { red: 0, orange: 1, yellow: 2, blue: 3, none: 4 };
		const items = [...state.warnings.values()].sort((a, b) => (order[a.level] ?? 5) - (order[b.level] ?? 5)
			|| a.city.localeCompare(b.city));
		$('#warnings-list').replaceChildren(...items.map((item) => {
			const level = String(item.level || 'none').toLowerCase();
			const label = state.lang === 'zh' ? (item.levelName || (WARNING_LEVELS[level] || [level])[0])
				: (WARNING_LEVELS[level] ? WARNING_LEVELS[level][1] : level);
			return el('li', { class: 'warning' + (item.city === freshCity ? ' fresh' : ''),
					dataset: { city: item.city, level, warning: item.id || '', since: item.since || '', source: item.source } },
				el('span', { class: 'level level-' + level }, label), ' ', el('span', { class: 'city' }, item.city),
				item.since ? el('span', { class: 'muted since' }, ' · ' + t('since') + ' ' + clock(item.since)) : null,
				item.rule ? el('div', { class: 'meta rule' }, item.rule + (item.data && item.data.length
					? ' (' + item.data.map((day) => day.date.slice(5) + ' ' + day.aqi).join(', ') + ')' : '')) : null,
				item.emergencyReduction ? el('div', { class: 'meta reduction' }, t('emergencyReduction')) : null);
		}));
		$('#warnings-panel').hidden = items.length === 0;
	}

	// ---- start ------------------------------------------------------------------------

	$('#login-form').addEventListener('submit', async (event) => {
		event.preventDefault();
		const key = $('#api-key').value.trim();
		const error = await login(key);
		if (error) {
			showLogin(error);
			return;
		}
		$('#api-key').value = '';
		showApp();
	});
	$('#logout').addEventListener('click', () => logout(null));
	$('#lang').addEventListener('click', () => {
		state.lang = state.lang === 'zh' ? 'en' : 'zh';
		localStorage.setItem(LANG_STORE, state.lang);
		applyLanguage();
		if (state.me) {
			renderAlerts();
			renderWarnings(null);
			setLive($('#live-status').dataset.state);
			route();
		}
	});
	window.addEventListener('hashchange', route);

	applyLanguage();
	if (state.key) {
		login(state.key).then((error) => (error ? showLogin(error) : showApp()));
	}
	else {
		showLogin(null);
	}
})();
