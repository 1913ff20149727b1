import {Box, useInput, type Key} from 'ink';
import {Text} from './text.js';
import {useEffect, useReducer, useRef} from 'react';
import {catalogServices, searchCatalog, type CatalogService} from '../core/catalog/catalog.js';

/**
Search-as-you-type picker over the processor catalog. It holds no rules: the matches and their
order come from `searchCatalog`; the reducer only tracks the query, the highlighted row and the
outcome. The callbacks fire from an effect once the outcome is set, so a key that reaches an
older input handler still acts on the current state.
*/

export type CatalogPickerProps = {
	services?: readonly CatalogService[];
	initialQuery?: string;
	/** Rows of matches shown at once (default 8). */
	pageSize?: number;
	onPick: (service: CatalogService) => void;
	onCustom: () => void;
	onCancel: () => void;
};

type Outcome = {kind: 'pick'; service: CatalogService} | {kind: 'custom'} | {kind: 'cancel'};

type State = {
	services: readonly CatalogService[];
	query: string;
	matches: CatalogService[];
	/** Index into matches; matches.length is the "Custom processor…" row. */
	highlighted: number;
	/** First match shown. */
	offset: number;
	pageSize: number;
	outcome?: Outcome;
};

type Action =
	| {type: 'type'; text: string}
	| {type: 'backspace'}
	| {type: 'clear'}
	| {type: 'move'; by: number}
	| {type: 'choose'}
	| {type: 'cancel'};

function withQuery(state: State, query: string): State {
	return {
		...state,
		query,
		matches: searchCatalog(query, state.services),
		highlighted: 0,
		offset: 0,
	};
}

function reducer(state: State, action: Action): State {
	if (state.outcome) {
		return state;
	}

	switch (action.type) {
		case 'type': {
			return withQuery(state, state.query + action.text);
		}

		case 'backspace': {
			return state.query === '' ? state : withQuery(state, [...state.query].slice(0, -1).join(''));
		}

		case 'clear': {
			return state.query === '' ? state : withQuery(state, '');
		}

		case 'move': {
			const last = state.matches.length;
			const highlighted = Math.min(last, Math.max(0, state.highlighted + action.by));
			const visible = Math.min(highlighted, last - 1);
			let {offset} = state;
			if (visible < offset) {
				offset = visible;
			} else if (visible >= offset + state.pageSize) {
				offset = visible - state.pageSize + 1;
			}

			return {...state, highlighted, offset: Math.max(0, offset)};
		}

		case 'choose': {
			const service = state.matches[state.highlighted];
			return {...state, outcome: service ? {kind: 'pick', service} : {kind: 'custom'}};
		}

		case 'cancel': {
			return {...state, outcome: {kind: 'cancel'}};
		}
	}
}

function initialState({
	services = catalogServices,
	initialQuery = '',
	pageSize = 8,
}: CatalogPickerProps): State {
	return {
		services,
		query: initialQuery,
		matches: searchCatalog(initialQuery, services),
		highlighted: 0,
		offset: 0,
		pageSize: Math.max(1, pageSize),
	};
}

/** The action for a key press, or undefined for keys the picker ignores. */
export function actionForKey(input: string, key: Key): Action | undefined {
	if (key.escape) {
		return {type: 'cancel'};
	}

	if (key.return) {
		return {type: 'choose'};
	}

	if (key.upArrow) {
		return {type: 'move', by: -1};
	}

	if (key.downArrow || key.tab) {
		return {type: 'move', by: 1};
	}

	if (key.pageUp) {
		return {type: 'move', by: -8};
	}

	if (key.pageDown) {
		return {type: 'move', by: 8};
	}

	if (key.backspace || key.delete || input === '\u0008' || input === '\u007F') {
		return {type: 'backspace'};
	}

	if (key.ctrl && input === 'u') {
		return {type: 'clear'};
	}

	if (key.ctrl || key.meta || key.leftArrow || key.rightArrow) {
		return undefined;
	}

	// Printable text, pasted line breaks as spaces.
	// eslint-disable-next-line no-control-regex
	const text = input.replaceAll(/[\r\n]+/g, ' ').replaceAll(/[\u0000-\u001F\u007F]/g, '');
	return text === '' ? undefined : {type: 'type', text};
}

export function CatalogPicker(props: CatalogPickerProps) {
	const [state, dispatch] = useReducer(reducer, props, initialState);
	const callbacks = useRef(props);
	callbacks.current = props;

	useInput((input, key) => {
		const action = actionForKey(input, key);
		if (action) {
			dispatch(action);
		}
	});

	useEffect(() => {
		const {outcome} = state;
		if (!outcome) {
			return;
		}

		if (outcome.kind === 'pick') {
			callbacks.current.onPick(outcome.service);
		} else if (outcome.kind === 'custom') {
			callbacks.current.onCustom();
		} else {
			callbacks.current.onCancel();
		}
	}, [state.outcome]);

	const {matches, highlighted, offset, pageSize, query} = state;
	const shown = matches.slice(offset, offset + pageSize);
	const customHighlighted = highlighted === matches.length;
	const range =
		matches.length > shown.length
			? `${offset + 1}–${offset + shown.length} of ${matches.length} matches`
			: `${matches.length} ${matches.length === 1 ? 'match' : 'matches'}`;

	return (
		<Box flexDirection="column">
			<Text>
				Search the catalog ({state.services.length} services): <Text bold>{query}</Text>
				<Text inverse> </Text>
			</Text>
			<Text dimColor>
				{query === '' ? 'Type a name, company or category · ' : ''}
				{range}
			</Text>
			{matches.length === 0 ? <Text>No service in the catalog matches “{query}”.</Text> : undefined}
			{shown.map((service, index) => {
				const active = offset + index === highlighted;
				return (
					<Text key={service.id} color={active ? 'cyan' : undefined} bold={active}>
						{active ? '› ' : '  '}
						{service.name}
						<Text dimColor>
							{'  '}
							{service.category} · {service.entity}
						</Text>
					</Text>
				);
			})}
			<Text color={customHighlighted ? 'cyan' : undefined} bold={customHighlighted}>
				{customHighlighted ? '› ' : '  '}Custom processor…
			</Text>
			<Text dimColor>↑/↓ move · Enter choose · Esc cancel · Backspace delete · Ctrl-U clear</Text>
		</Box>
	);
}
