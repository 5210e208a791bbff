// The block's editor side, written for the browser as it is (no build step): the preview is the server's own
// rendering, so the editor shows exactly what the page will show.
( function ( wp ) {
	const { registerBlockType } = wp.blocks;
	const { createElement: el, Fragment } = wp.element;
	const { useBlockProps, InspectorControls } = wp.blockEditor;
	const { PanelBody, SelectControl, TextControl } = wp.components;
	const { __ } = wp.i18n;
	const ServerSideRender = wp.serverSideRender;

	registerBlockType( 'poly/partner-badge', {
		edit( { attributes, setAttributes } ) {
			const blockProps = useBlockProps();
			return el(
				Fragment,
				null,
				el(
					InspectorControls,
					null,
					el(
						PanelBody,
						{ title: __( 'Badge', 'poly-partner-badge' ) },
						el( TextControl, {
							label: __( 'Partner id', 'poly-partner-badge' ),
							help: __( 'Empty: the partner id from the settings.', 'poly-partner-badge' ),
							value: attributes.partnerId,
							onChange: ( partnerId ) => setAttributes( { partnerId: partnerId.trim() } ),
						} ),
						el( SelectControl, {
							label: __( 'Layout', 'poly-partner-badge' ),
							value: attributes.layout,
							options: [
								{ label: __( 'Compact', 'poly-partner-badge' ), value: 'compact' },
								{ label: __( 'Full', 'poly-partner-badge' ), value: 'full' },
							],
							onChange: ( layout ) => setAttributes( { layout } ),
						} )
					)
				),
				el(
					'div',
					blockProps,
					el( ServerSideRender, { block: 'poly/partner-badge', attributes, skipBlockSupportAttributes: true } )
				)
			);
		},
		save: () => null,
	} );
} )( window.wp );
