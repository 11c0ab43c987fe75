#!/bin/sh
# Makes the PDFs TestPdfColour reads, with Ghostscript's pdfwrite from the PostScript below (A4 pages).
# Images are Flate-compressed so that pdfwrite keeps their colour spaces as written.
set -e
cd "$(dirname "$0")"
gsopts="-q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -sPAPERSIZE=a4 -dAutoFilterColorImages=false
 -dColorImageFilter=/FlateEncode -dAutoFilterGrayImages=false -dGrayImageFilter=/FlateEncode
 -dColorConversionStrategy=/LeaveColorUnchanged -dDownsampleColorImages=false -dDownsampleGrayImages=false"
make() { # name, PostScript
    printf '%s\n' "$2" > "$1.ps"
    gs $gsopts -sOutputFile="$1.pdf" "$1.ps"
    rm -f "$1.ps"
}
text='/Helvetica findfont 24 scalefont setfont 72 700 moveto (Printed text) show'
make grey "0.3 setgray 72 72 200 200 rectfill 0 setgray $text
  gsave 300 300 translate 100 100 scale 2 2 8 [2 0 0 2 0 0] <00ff8040> image grestore showpage"
make rgb-black-text "0 0 0 setrgbcolor $text 0.5 0.5 0.5 setrgbcolor 72 72 200 200 rectfill showpage"
make colour-text "1 0 0 setrgbcolor $text showpage"
make cmyk "0 0 0 1 setcmykcolor $text 0 0 0 0.4 setcmykcolor 72 72 100 100 rectfill showpage"
make cmyk-colour "0 1 1 0 setcmykcolor 72 72 100 100 rectfill showpage"
make rgb-image "gsave 72 72 translate 200 200 scale 2 2 8 [2 0 0 2 0 0] <ff000000ff000000ffffffff> false 3 colorimage grestore showpage"
make indexed-grey "gsave 72 72 translate 200 200 scale
  [/Indexed /DeviceRGB 3 <000000 555555 aaaaaa ffffff>] setcolorspace
  << /ImageType 1 /Width 2 /Height 2 /BitsPerComponent 8 /Decode [0 255] /ImageMatrix [2 0 0 2 0 0]
     /DataSource <00010203> >> image grestore showpage"
make indexed-colour "gsave 72 72 translate 200 200 scale
  [/Indexed /DeviceRGB 3 <000000 ff0000 00ff00 ffffff>] setcolorspace
  << /ImageType 1 /Width 2 /Height 2 /BitsPerComponent 8 /Decode [0 255] /ImageMatrix [2 0 0 2 0 0]
     /DataSource <00010203> >> image grestore showpage"
make colour-on-page-2 "0 setgray $text showpage 0 0 1 setrgbcolor 72 72 200 200 rectfill showpage"
make unused-colour "1 0 0 setrgbcolor 0 setgray $text showpage"
# Images large enough to become image XObjects (not inline images).
make rgb-image-xobject "/s 300 string def 0 3 297 { s exch 255 put } for
  gsave 72 72 translate 200 200 scale 100 100 8 [100 0 0 100 0 0] {s} false 3 colorimage grestore showpage"
make grey-image-xobject "/s 100 string def 0 1 99 { s exch 128 put } for
  gsave 72 72 translate 200 200 scale 100 100 8 [100 0 0 100 0 0] {s} image grestore showpage"
