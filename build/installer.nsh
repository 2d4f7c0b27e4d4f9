; Windows: register Hostfit under "Open with" for .json files (Windows associates by the last extension only,
; so .hostfit.json cannot have its own association without taking over every .json file). Included by the
; NSIS installer electron-builder generates (electron-builder.yml: nsis.include).
!macro customInstall
  WriteRegStr SHCTX "Software\Classes\Hostfit.Scenario" "" "Hostfit scenario"
  WriteRegStr SHCTX "Software\Classes\Hostfit.Scenario\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHCTX "Software\Classes\Hostfit.Scenario\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  WriteRegStr SHCTX "Software\Classes\.json\OpenWithProgids" "Hostfit.Scenario" ""
!macroend

!macro customUnInstall
  DeleteRegValue SHCTX "Software\Classes\.json\OpenWithProgids" "Hostfit.Scenario"
  DeleteRegKey SHCTX "Software\Classes\Hostfit.Scenario"
!macroend
