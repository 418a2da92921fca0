/*
 * Lantian's API reference: renders the OpenAPI description of /v3/api-docs (served by
 * springdoc, no key needed) as tags, operations, parameters, schemas and responses, and
 * sends "try it" requests with the API key typed once. Plain JavaScript, nothing loaded
 * from outside Lantian. The key is kept in sessionStorage under the dashboard's name, so
 * a key used on the dashboard in this tab is used here too.
 */
'use strict';

(function () {
	const KEY_STORE = 'lantian.apiKey';
	const LANG_STORE = 'lantian.lang';
	const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
	const STREAM_MS = 3000;

	const TEXT = {
		dashboard: ['仪表板', 'Dashboard'],
		reference: ['API 参考', 'API reference'],
		rawDocs: ['OpenAPI JSON', 'OpenAPI JSON'],
		apiKey: ['API 密钥', 'API key'],
		useKey: ['使用', 'Use'],
		keySet: ['已设置密钥', 'key set'],
		noKey: ['未设置密钥', 'no key'],
		intro: ['本页由 /v3/api-docs 生成：每个操作的参数、请求体、响应与权限。所有 /api/v1 请求都需要 API 密钥。',
			'Generated from /v3/api-docs: every operation with its parameters, body, responses and access. Every /api/v1 call needs an API key.'],
		operations: ['个操作', 'operations'],
		parameters: ['参数', 'Parameters'],
		name: ['名称', 'Name'],
		in: ['位置', 'In'],
		schema: ['类型', 'Schema'],
		description: ['说明', 'Description'],
		requestBody: ['请求体', 'Request body'],
		responses: ['响应', 'Responses'],
		security: ['权限', 'Access'],
		securityText: ['需要 API 密钥：Authorization: Bearer <key> 或 X-API-Key: <key>', 'API key required: Authorization: Bearer <key> or X-API-Key: <key>'],
		tryIt: ['试一试', 'Try it'],
		send: ['发送', 'Send'],
		sending: ['发送中…', 'Sending…'],
		body: ['请求体（JSON）', 'Body (JSON)'],
		required: ['必填', 'required'],
		loadFailed: ['无法读取 /v3/api-docs', 'Cannot read /v3/api-docs'],
		streamNote: ['事件流：显示前 3 秒收到的内容', 'Event stream: shows what arrives in the first 3 s'],
		none: ['无', 'none'],
	};

	const state = {
		key: sessionStorage.getItem(KEY_STORE),
		lang: localStorage.getItem(LANG_STORE) || ((navigator.language || '').startsWith('zh') ? 'zh' : 'en'),
		docs: null,
	};

	const { $, el } = window.LantianDom;

	function t(name) {
		const entry = TEXT[name];
		return entry ? entry[state.lang === 'zh' ? 0 : 1] : name;
	}

	// ---- schemas ----------------------------------------------------------------------

	/** Follows a local $ref (#/components/schemas/X) into the document. */
	function resolve(schema) {
		let current = schema || {};
		let name = null;
		for (let hops = 0; current.$ref && hops < 10; hops++) {
			name = current.$ref.split('/').pop();
			current = current.$ref.split('/').slice(1).reduce((node, part) => (node ? node[part] : undefined), state.docs) || {};
		}
		return { schema: current, name };
	}

	/** A one-line type label: string(date-time), array<Warning>, Problem, 'a' | 'b'. */
	function typeLabel(schema) {
		const { schema: s, name } = resolve(schema);
		if (s.enum) {
			return s.enum.map((value) => JSON.stringify(value)).join(' | ');
		}
		if (s.type === 'array' || s.items) {
			return 'array<' + typeLabel(s.items) + '>';
		}
		const own = (s.type || (s.properties ? 'object' : 'any')) + (s.format ? '(' + s.format + ')' : '');
		return name ? name : own;
	}

	function isTree(schema) {
		const { schema: s } = resolve(schema);
		return Boolean(s.properties || (s.items && isTree(s.items)) || s.additionalProperties instanceof Object);
	}

	/** A collapsible tree of a schema's properties; refs are resolved, cycles stop. */
	function schemaTree(schema, seen, depth) {
		const { schema: s, name } = resolve(schema);
		if (name && seen.has(name)) {
			return el('div', { class: 'prop muted' }, '↺ ' + name);
		}
		const inner = new Set(seen);
		if (name) {
			inner.add(name);
		}
		if (s.type === 'array' || s.items) {
			return schemaTree(s.items || {}, inner, depth);
		}
		const rows = [];
		const required = new Set(s.required || []);
		for (const [property, child] of Object.entries(s.properties || {})) {
			const line = [el('code', null, property), required.has(property) ? el('span', { class: 'required' }, ' *') : null,
				': ', el('span', { class: 'type' }, typeLabel(child)),
				resolve(child).schema.description || child.description
					? el('span', { class: 'desc' }, ' — ' + (child.description || resolve(child).schema.description)) : null];
			if (isTree(child) && depth < 8) {
				rows.push(el('details', { class: 'prop', open: depth < 1 }, el('summary', null, ...line),
					schemaTree(child, inner, depth + 1)));
			}
			else {
				rows.push(el('div', { class: 'prop' }, ...line));
			}
		}
		if (s.additionalProperties instanceof Object) {
			rows.push(el('div', { class: 'prop' }, el('code', null, '{key}'), ': ',
				el('span', { class: 'type' }, typeLabel(s.additionalProperties))));
		}
		return el('div', { class: 'tree' }, rows);
	}

	function schemaBlock(schema) {
		const label = el('span', { class: 'type' }, typeLabel(schema));
		if (!isTree(schema)) {
			return el('div', { class: 'schema' }, label);
		}
		return el('div', { class: 'schema' }, el('details', { open: true }, el('summary', null, label),
			schemaTree(schema, new Set(), 0)));
	}

	/** An example value for a body, from the schema's examples or its types. */
	function example(schema, depth) {
		const { schema: s } = resolve(schema);
		if (s.example !== undefined) {
			return s.example;
		}
		if (s.enum) {
			return s.enum[0];
		}
		if (depth > 4) {
			return null;
		}
		if (s.type === 'array' || s.items) {
			return [example(s.items || {}, depth + 1)];
		}
		if (s.properties) {
			return Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, example(v, depth + 1)]));
		}
		return { integer: 0, number: 0, boolean: false, string: '' }[s.type] ?? null;
	}

	// ---- operations -------------------------------------------------------------------

	function operations() {
		const list = [];
		for (const [path, item] of Object.entries(state.docs.paths || {})) {
			for (const method of METHODS) {
				if (item[method]) {
					list.push({ path, method, op: item[method], shared: item.parameters || [] });
				}
			}
		}
		return list;
	}

	function parametersTable(parameters) {
		if (parameters.length === 0) {
			return el('p', { class: 'muted' }, t('none'));
		}
		return el('table', null,
			el('tr', null, el('th', null, t('name')), el('th', null, t('in')), el('th', null, t('schema')),
				el('th', null, t('description'))),
			parameters.map((p) => el('tr', { class: 'param', dataset: { name: p.name, in: p.in } },
				el('td', null, el('code', null, p.name), p.required ? el('span', { class: 'required', title: t('required') }, ' *') : null),
				el('td', null, p.in),
				el('td', { class: 'schema' }, typeLabel(p.schema || {}),
					p.schema && p.schema.default !== undefined ? ' = ' + JSON.stringify(p.schema.default) : null),
				el('td', null, p.description || ''))));
	}

	function responsesList(responses) {
		return el('div', null, Object.entries(responses || {}).map(([status, response]) => {
			const content = response.content || {};
			return el('div', { class: 'response', dataset: { status } },
				el('span', { class: 'status status-' + status.charAt(0) }, status), ' ', response.description || '',
				Object.entries(content).map(([type, media]) => el('div', { class: 'prop' }, el('code', { class: 'muted' }, type),
					media.schema ? schemaBlock(media.schema) : null)));
		}));
	}

	function tryForm(entry, parameters) {
		const body = entry.op.requestBody;
		const bodyType = body ? Object.keys(body.content || {})[0] : null;
		const inputs = parameters.filter((p) => p.in !== 'cookie').map((p) =>
			el('label', null, p.name + (p.required ? ' *' : '') + ' (' + p.in + ')',
				el('input', { name: p.name, dataset: { in: p.in }, placeholder: p.example !== undefined ? String(p.example)
					: (p.schema && p.schema.default !== undefined ? String(p.schema.default) : '') })));
		const textarea = body ? el('textarea', { name: 'body' }) : null;
		if (textarea) {
			const media = body.content[bodyType] || {};
			const value = media.example !== undefined ? media.example : example(media.schema || {}, 0);
			textarea.value = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
		}
		const answer = el('div', { class: 'answer-box' });
		const send = el('button', { class: 'primary send', type: 'submit' }, t('send'));
		const streams = Object.values(entry.op.responses || {}).some((r) => r.content && r.content['text/event-stream']);
		return el('form', { class: 'try', onsubmit: (event) => {
			event.preventDefault();
			tryIt(entry, event.target, bodyType, answer, send, streams);
		} }, el('h3', null, t('tryIt')), streams ? el('p', { class: 'muted' }, t('streamNote')) : null, inputs,
		textarea ? el('label', null, t('body') + (bodyType ? ' · ' + bodyType : ''), textarea) : null, send, answer);
	}

	async function tryIt(entry, form, bodyType, answer, send, streams) {
		let path = entry.path;
		const query = new URLSearchParams();
		const headers = { Accept: 'application/json, application/problem+json, image/png, text/event-stream, */*' };
		for (const input of form.querySelectorAll('input[data-in]')) {
			const value = input.value.trim();
			if (!value) {
				continue;
			}
			if (input.dataset.in === 'path') {
				path = path.replace('{' + input.name + '}', encodeURIComponent(value));
			}
			else if (input.dataset.in === 'query') {
				query.append(input.name, value);
			}
			else if (input.dataset.in === 'header') {
				headers[input.name] = value;
			}
		}
		if (state.key) {
			headers.Authorization = 'Bearer ' + state.key;
		}
		const init = { method: entry.method.toUpperCase(), headers };
		const textarea = form.querySelector('textarea');
		if (textarea && textarea.value.trim()) {
			headers['Content-Type'] = bodyType || 'application/json';
			init.body = textarea.value;
		}
		const url = path + (query.toString() ? '?' + query : '');
		const controller = new AbortController();
		init.signal = controller.signal;
		send.disabled = true;
		send.textContent = t('sending');
		answer.replaceChildren();
		try {
			const response = await fetch(url, init);
			const type = response.headers.get('Content-Type') || '';
			const head = el('div', null, el('span', { class: 'status status-' + String(response.status).charAt(0) }, response.status),
				' ', el('code', null, init.method + ' ' + url), ' ', el('span', { class: 'muted' }, type));
			let shown;
			if (type.startsWith('image/')) {
				shown = el('img', { src: URL.createObjectURL(await response.blob()), alt: url });
			}
			else if (type.startsWith('text/event-stream') && streams) {
				setTimeout(() => controller.abort(), STREAM_MS);
				shown = el('pre', { class: 'answer' }, await readUntilAborted(response));
			}
			else {
				const text = await response.text();
				let pretty = text;
				try {
					pretty = JSON.stringify(JSON.parse(text), null, 2);
				}
				catch (ignored) {
					// not JSON: shown as sent
				}
				shown = el('pre', { class: 'answer' }, pretty);
			}
			answer.replaceChildren(head, shown);
			answer.dataset.status = String(response.status);
		}
		catch (error) {
			answer.replaceChildren(el('p', { class: 'error' }, String(error.message || error)));
			answer.dataset.status = 'error';
		}
		finally {
			send.disabled = false;
			send.textContent = t('send');
		}
	}

	async function readUntilAborted(response) {
		const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
		let text = '';
		try {
			for (;;) {
				const { value, done } = await reader.read();
				if (done) {
					return text;
				}
				text += value;
			}
		}
		catch (aborted) {
			return text;
		}
	}

	function operationView(entry) {
		const parameters = [...entry.shared, ...(entry.op.parameters || [])];
		const body = entry.op.requestBody;
		const security = entry.op.security || state.docs.security || [];
		return el('details', { class: 'op', id: entry.op.operationId || null,
				dataset: { method: entry.method, path: entry.path } },
			el('summary', null, el('span', { class: 'method method-' + entry.method }, entry.method.toUpperCase()),
				el('span', { class: 'path' }, entry.path), el('span', { class: 'op-summary' }, entry.op.summary || '')),
			el('div', { class: 'op-body' },
				entry.op.summary ? el('p', null, el('strong', null, entry.op.summary)) : null,
				entry.op.description ? el('p', null, entry.op.description) : null,
				el('h3', null, t('parameters')), parametersTable(parameters),
				body ? [el('h3', null, t('requestBody') + (body.required ? ' *' : '')),
					body.description ? el('p', null, body.description) : null,
					Object.entries(body.content || {}).map(([type, media]) => el('div', null, el('code', { class: 'muted' }, type),
						media.schema ? schemaBlock(media.schema) : null))] : null,
				el('h3', null, t('responses')), responsesList(entry.op.responses),
				el('h3', null, t('security')),
				el('p', { class: 'security' }, security.length ? t('securityText') : t('none')),
				tryForm(entry, parameters)));
	}

	function render() {
		$('#intro').textContent = t('intro') + ' (' + operations().length + ' ' + t('operations') + ')';
		const byTag = new Map();
		for (const entry of operations()) {
			const tag = (entry.op.tags && entry.op.tags[0]) || 'default';
			if (!byTag.has(tag)) {
				byTag.set(tag, []);
			}
			byTag.get(tag).push(entry);
		}
		const described = new Map((state.docs.tags || []).map((tag) => [tag.name, tag.description]));
		const names = [...byTag.keys()].sort();
		$('#tags').replaceChildren(...names.map((name) => el('section', { class: 'tag', dataset: { tag: name } },
			el('h2', null, name), described.get(name) ? el('p', null, described.get(name)) : null,
			byTag.get(name).sort((a, b) => a.path.localeCompare(b.path) || METHODS.indexOf(a.method) - METHODS.indexOf(b.method))
				.map(operationView))));
		$('#reference').dataset.loaded = 'true';
	}

	function applyLanguage() {
		document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
		document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
		$('#lang').textContent = state.lang === 'zh' ? 'English' : '中文';
		$('#key-state').textContent = state.key ? t('keySet') : t('noKey');
		if (state.docs) {
			render();
		}
	}

	async function load() {
		try {
			const response = await fetch('/v3/api-docs', { headers: { Accept: 'application/json' } });
			if (!response.ok) {
				throw new Error('HTTP ' + response.status);
			}
			state.docs = await response.json();
			render();
		}
		catch (error) {
			const message = $('#load-error');
			message.textContent = t('loadFailed') + ': ' + (error.message || error);
			message.hidden = false;
		}
	}

	$('#key-form').addEventListener('submit', (event) => {
		event.preventDefault();
		const key = $('#api-key').value.trim();
		state.key = key || null;
		if (key) {
			sessionStorage.setItem(KEY_STORE, key);
		}
		else {
			sessionStorage.removeItem(KEY_STORE);
		}
		$('#api-key').value = '';
		$('#key-state').textContent = state.key ? t('keySet') : t('noKey');
	});
	$('#lang').addEventListener('click', () => {
		state.lang = state.lang === 'zh' ? 'en' : 'zh';
		localStorage.setItem(LANG_STORE, state.lang);
		applyLanguage();
	});

	applyLanguage();
	load();
})();
