/*
 * What the dashboard and the API reference page share: finding and building elements.
 * Plain JavaScript, loaded before each page's own script.
 */
'use strict';

window.LantianDom = (function () {
	const $ = (selector, root) => (root || document).querySelector(selector);

	/** Builds an element: el('div', { class: 'x', dataset: {...}, style: {...} }, child, 'text', ...). */
	function el(tag, attributes, ...children) {
		const node = document.createElement(tag);
		for (const [name, value] of Object.entries(attributes || {})) {
			if (value === null || value === undefined || value === false) {
				continue;
			}
			if (name === 'dataset') {
				Object.assign(node.dataset, value);
			}
			else if (name === 'style') {
				Object.assign(node.style, value);
			}
			else if (name.startsWith('on')) {
				node.addEventListener(name.slice(2), value);
			}
			else {
				node.setAttribute(name, value === true ? '' : value);
			}
		}
		for (const child of children.flat()) {
			if (child !== null && child !== undefined && child !== false) {
				node.append(child instanceof Node ? child : String(child));
			}
		}
		return node;
	}

	return { $, el };
})();
