import {Text} from '../text.js';
import {useEffect, useReducer} from 'react';
import {useKeys} from '../key-router.js';

type State = {value: boolean | undefined; submitted: number};
type Action = {type: 'set'; value: boolean} | {type: 'toggle'} | {type: 'submit'};

function reducer(state: State, action: Action): State {
	switch (action.type) {
		case 'set': {
			return {value: action.value, submitted: state.submitted + 1};
		}

		case 'toggle': {
			return {...state, value: !(state.value ?? false)};
		}

		case 'submit': {
			return state.value === undefined ? state : {...state, submitted: state.submitted + 1};
		}
	}
}

/** y / n, or ←/→ and Enter. */
export function YesNo({
	initial,
	onSubmit,
	isActive = true,
}: {
	initial?: boolean;
	onSubmit: (value: boolean) => void;
	isActive?: boolean;
}) {
	const [state, dispatch] = useReducer(reducer, {value: initial, submitted: 0});
	useEffect(() => {
		if (state.submitted > 0 && state.value !== undefined) onSubmit(state.value);
	}, [state.submitted]);
	useKeys((input, key) => {
		if (input.toLowerCase() === 'y') dispatch({type: 'set', value: true});
		else if (input.toLowerCase() === 'n') dispatch({type: 'set', value: false});
		else if (key.leftArrow || key.rightArrow || key.tab) dispatch({type: 'toggle'});
		else if (key.return) dispatch({type: 'submit'});
	}, isActive);
	return (
		<Text>
			<Text color="cyan">› </Text>
			<Text inverse={state.value === true} bold={state.value === true}>
				{' '}
				Yes{' '}
			</Text>{' '}
			<Text inverse={state.value === false} bold={state.value === false}>
				{' '}
				No{' '}
			</Text>
			<Text dimColor> (y/n)</Text>
		</Text>
	);
}
