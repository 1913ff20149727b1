import {Box} from 'ink';
import {Text} from './text.js';
import type {ReactNode} from 'react';

export type KeyHint = [key: string, action: string];

/** The keys that work on this screen, always on screen. */
export function Keys({hints}: {hints: KeyHint[]}) {
	return (
		<Box marginTop={1} flexWrap="wrap" columnGap={2}>
			{hints.map(([key, action]) => (
				<Text key={`${key}-${action}`} dimColor>
					<Text bold>{key}</Text> {action}
				</Text>
			))}
		</Box>
	);
}

/** Title row: where the person is. */
export function Header({title, position}: {title: string; position?: string}) {
	return (
		<Box flexDirection="column" marginBottom={1}>
			<Text bold color="cyan">
				privacy-wizard <Text color="white">· {title}</Text>
			</Text>
			{position ? <Text dimColor>{position}</Text> : null}
		</Box>
	);
}

export function ErrorLine({message}: {message?: string}) {
	return message ? <Text color="red">✖ {message}</Text> : null;
}

export function Screen({children}: {children: ReactNode}) {
	return <Box flexDirection="column">{children}</Box>;
}

/** A question as the person reads it: the prompt, why it is asked, the article it serves. */
export function QuestionText({prompt, help, cite}: {prompt: string; help?: string; cite?: string}) {
	return (
		<>
			<Text bold>{prompt}</Text>
			{help ? <Text dimColor>{help}</Text> : null}
			{cite ? (
				<Text dimColor italic>
					{cite}
				</Text>
			) : null}
		</>
	);
}
