# CPack runs this after installing into its staging folder (CPACK_PRE_BUILD_SCRIPTS): remove
# the .comment and .note sections from the executable, as dh_strip does (lintian:
# binary-has-unneeded-section). CPACK_STRIP_FILES has already removed the debugging symbols.
file(GLOB_RECURSE executables "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*/bin/sendpack")
foreach(exe ${executables})
  execute_process(COMMAND strip --remove-section=.comment --remove-section=.note "${exe}" RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "strip failed on ${exe}")
  endif()
endforeach()
