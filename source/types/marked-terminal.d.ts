// A small local declaration: @types/marked-terminal pins an old marked (see toolchain notes).
declare module 'marked-terminal' {
	import type {MarkedExtension} from 'marked';

	type Style = (text: string) => string;

	export type TerminalRendererOptions = Partial<{
		code: Style;
		blockquote: Style;
		html: Style;
		heading: Style;
		firstHeading: Style;
		hr: Style;
		listitem: Style;
		table: Style;
		paragraph: Style;
		strong: Style;
		em: Style;
		codespan: Style;
		del: Style;
		link: Style;
		href: Style;
		text: Style;
		width: number;
		reflowText: boolean;
		showSectionPrefix: boolean;
		unescape: boolean;
		emoji: boolean;
		tab: number;
		tableOptions: Record<string, unknown>;
	}>;

	export function markedTerminal(
		options?: TerminalRendererOptions,
		highlightOptions?: Record<string, unknown>,
	): MarkedExtension;
}
